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
        Field(x => x.CriterionCode, nullable: false);
        Field(x => x.Level, nullable: false);
        Field(x => x.Note, nullable: true);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Description = "An evaluator's review of an attempt or appeal: a level per criterion and an overall note.";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreType>>>>("scores").Resolve(ctx => ctx.Source.Scores);
        Field(x => x.OverallNote, nullable: true);
        Field<NonNullGraphType<FloatGraphType>>("percent").Resolve(ctx => ctx.Source.Score.Percent);
        Field<NonNullGraphType<BooleanGraphType>>("passed").Resolve(ctx => ctx.Source.Score.Passed);
        Field(x => x.SubmittedAt, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PanelSeatType : ObjectGraphType<PanelSeat>
{
    public PanelSeatType()
    {
        Name = "PanelSeat";
        Description = "An evaluator on a panel, and when their review is due.";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Reason, nullable: false).Description("Why this evaluator was chosen.");
        Field(x => x.AssignedAt, nullable: false);
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
        Field(x => x.Outcome, type: typeof(NonNullGraphType<ConsensusOutcomeType>));
        Field(x => x.MeanPercent, nullable: false);
        Field(x => x.Reason, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EvidenceType : ObjectGraphType<EvidenceRef>
{
    public EvidenceType()
    {
        Name = "Evidence";
        Description = "An artifact version cited by an attempt, frozen at submission.";
        Field(x => x.ArtifactId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Title, nullable: false);
        Field<NonNullGraphType<ArtifactVersionType>>("version").Resolve(ctx => ctx.Source.Version);
        this.AuthorizeOtherFieldsAsParent();
    }
}
