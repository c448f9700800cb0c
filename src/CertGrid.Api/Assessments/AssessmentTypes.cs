using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Learners;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Learners;
using CertGrid.Domain.Assessments;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

public sealed class AttemptStatusType : EnumerationGraphType<AttemptStatus>
{
    public AttemptStatusType()
    {
        Name = "AttemptStatus";
        Description = "Where an attempt is: under review by its panel, or decided as passed or failed.";
    }
}

public sealed class ConsensusOutcomeType : EnumerationGraphType<ConsensusOutcome>
{
    public ConsensusOutcomeType()
    {
        Name = "ConsensusOutcome";
        Description = "Where a panel stands: awaiting reviews, passed, failed, needing another reviewer or needing a consensus discussion.";
    }
}

public sealed class CriterionScoreType : ObjectGraphType<CriterionScore>
{
    public CriterionScoreType()
    {
        Name = "CriterionScore";
        Description = "An evaluator's level for one rubric criterion, with their note.";
        Field(x => x.CriterionCode, nullable: false).Description("The rubric criterion's code.");
        Field(x => x.Level, nullable: false).Description("The name of the level the evaluator gave.");
        Field(x => x.Note, nullable: true).Description("The evaluator's note on this criterion; null when they left none.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Description = "An evaluator's review of an attempt or appeal: a level per criterion and an overall note.";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator (evl_…) who wrote the review.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreType>>>>("scores").Description("The evaluator's level for every rubric criterion.").Resolve(ctx => ctx.Source.Scores);
        Field(x => x.OverallNote, nullable: true).Description("The evaluator's overall note; null when they left none.");
        Field<NonNullGraphType<FloatGraphType>>("percent").Description("The review's weighted score as a percentage of the rubric's maximum points (0-100).").Resolve(ctx => ctx.Source.Score.Percent);
        Field<NonNullGraphType<BooleanGraphType>>("passed").Description("Whether the review's score reaches the credential's pass threshold.").Resolve(ctx => ctx.Source.Score.Passed);
        Field(x => x.SubmittedAt, nullable: false).Description("When the evaluator submitted the review (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PanelSeatType : ObjectGraphType<PanelSeat>
{
    public PanelSeatType()
    {
        Name = "PanelSeat";
        Description = "An evaluator on a panel, and when their review is due.";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator (evl_…) holding the seat.");
        Field(x => x.Reason, nullable: false).Description("Why this evaluator was chosen.");
        Field(x => x.AssignedAt, nullable: false).Description("When the evaluator was assigned to the panel (UTC instant).");
        Field(x => x.DueAt, nullable: true).Description("When the review is due; an overdue review is reassigned.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class VerdictType : ObjectGraphType<ConsensusVerdict>
{
    public VerdictType()
    {
        Name = "Verdict";
        Description = "A panel's combined decision: the weighted score, pass or fail, and how the panel agreed.";
        Field(x => x.Outcome, type: typeof(NonNullGraphType<ConsensusOutcomeType>)).Description("Where the panel stands: awaiting reviews, passed, failed, or needing another evaluator or a discussion.");
        Field(x => x.MeanPercent, nullable: false).Description("The mean of the reviews' weighted scores, as a percentage (0-100); 0 before any review.");
        Field(x => x.Reason, nullable: false).Description("A sentence explaining the outcome.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EvidenceType : ObjectGraphType<EvidenceRef>
{
    public EvidenceType()
    {
        Name = "Evidence";
        Description = "An artifact version cited by an attempt, frozen at submission.";
        Field(x => x.ArtifactId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The portfolio artifact (art_…) cited.");
        Field(x => x.Title, nullable: false).Description("The artifact's title when the attempt was submitted.");
        Field<NonNullGraphType<ArtifactVersionType>>("version").Description("The artifact version submitted, frozen: later uploads never change it.").Resolve(ctx => ctx.Source.Version);
        this.AuthorizeOtherFieldsAsParent();
    }
}
