using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Integrity;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>A reflection with the prompt it answers.</summary>
public sealed record ReflectionView(ReflectionAnswer Answer, ReflectivePrompt? Prompt);

public sealed class ReflectionType : ObjectGraphType<ReflectionView>
{
    public ReflectionType()
    {
        Name = "Reflection";
        Description = "A learner's written reflection, answered to one of the credential's prompts.";
        Field<NonNullGraphType<StringGraphType>>("promptCode").Resolve(ctx => ctx.Source.Answer.PromptCode);
        Field<StringGraphType>("prompt").Resolve(ctx => ctx.Source.Prompt?.Prompt);
        Field<StringGraphType>("criterionCode").Description("The rubric criterion it is scored under.").Resolve(ctx => ctx.Source.Prompt?.CriterionCode);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(ctx => ctx.Source.Answer.Text);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SeatReleaseType : EnumerationGraphType<SeatRelease>
{
    public SeatReleaseType()
    {
        Name = "SeatRelease";
        Description = "Why an evaluator left a panel: RECUSED or OVERDUE.";
    }
}

public sealed class AppealOutcomeType : EnumerationGraphType<AppealOutcome>
{
    public AppealOutcomeType()
    {
        Name = "AppealOutcome";
        Description = "How an appeal ended: PENDING until its panel decides, UPHELD (the failed decision stands) or OVERTURNED (a credential is issued).";
    }
}

public sealed class FormerSeatType : ObjectGraphType<FormerSeat>
{
    public FormerSeatType()
    {
        Name = "FormerSeat";
        Description = "An evaluator who left a panel before reviewing, and why (recused or overdue).";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AssignedAt, nullable: false);
        Field(x => x.LeftAt, nullable: false);
        Field(x => x.Why, type: typeof(NonNullGraphType<SeatReleaseType>));
        Field(x => x.Reason, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CriterionFeedbackType : ObjectGraphType<CriterionFeedback>
{
    public CriterionFeedbackType()
    {
        Name = "CriterionFeedback";
        Description = "The level the panel settled on for one rubric criterion, with the notes that explain it.";
        Field(x => x.CriterionCode, nullable: false);
        Field(x => x.CriterionName, nullable: false);
        Field(x => x.Level, nullable: false).Description("The level awarded (decided, or the panel's lower median).");
        Field(x => x.Points, nullable: false);
        Field(x => x.MaxPoints, nullable: false);
        Field(x => x.Notes, nullable: false).Description("Every evaluator's note on this criterion.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class AttemptFeedbackType : ObjectGraphType<AttemptFeedback>
{
    public AttemptFeedbackType()
    {
        Name = "AttemptFeedback";
        Description = "What the panel decided per criterion and the notes it left for the learner, once the attempt is decided.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionFeedbackType>>>>("criteria").Resolve(ctx => ctx.Source.Criteria);
        Field(x => x.OverallNotes, nullable: false);
        Field(x => x.Decision, nullable: false).Description("How the decision was reached.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DiscussionNoteType : ObjectGraphType<DiscussionNote>
{
    public DiscussionNoteType()
    {
        Name = "DiscussionNote";
        Description = "A note in a consensus discussion, possibly a reply to another.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AuthorEvaluatorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Text, nullable: false);
        Field(x => x.ReplyToNoteId, type: typeof(IdGraphType)).Description("The note this one answers (threads).");
        Field(x => x.PostedAt, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DiscussionDecisionType : ObjectGraphType<DiscussionDecision>
{
    public DiscussionDecisionType()
    {
        Name = "DiscussionDecision";
        Description = "How a consensus discussion was closed: by whom, pass or fail, and why.";
        Field(x => x.LeadEvaluatorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Passed, nullable: false);
        Field(x => x.Rationale, nullable: false);
        Field<ListGraphType<NonNullGraphType<Credentials.CriterionResultType>>>("levels").Resolve(ctx => ctx.Source.Levels);
        Field(x => x.DecidedBy, nullable: true).Description("The admin who closed the discussion instead of the lead (e.g. admin:key_…); null when the lead closed it.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ConsensusDiscussionType : ObjectGraphType<DiscussionView>
{
    public ConsensusDiscussionType()
    {
        Name = "ConsensusDiscussion";
        Description = "The discussion a disagreeing panel holds before deciding: its notes, lead evaluator and outcome.";
        Field(x => x.LeadEvaluatorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.PanelEvaluatorIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>));
        Field(x => x.Reason, nullable: false);
        Field(x => x.OpenedAt, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiscussionNoteType>>>>("notes").Resolve(ctx => ctx.Source.Notes);
        Field<DiscussionDecisionType>("decision").Resolve(ctx => ctx.Source.Decision);
        Field(x => x.ClosedAt, nullable: true);
        Field(x => x.LeadDueAt, nullable: true).Description("When the lead role passes to the next active panel member if the discussion is still open (the credential's review deadline).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("recusedEvaluatorIds").Description("Panel members who left the discussion.")
            .Resolve(ctx => ctx.Source.RecusedEvaluatorIds ?? []);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RetakeEligibilityType : ObjectGraphType<RetakeEligibility>
{
    public RetakeEligibilityType()
    {
        Name = "RetakeEligibility";
        Description = "Whether a learner may attempt a credential now, when they next may, and what is missing.";
        Field(x => x.Eligible, nullable: false);
        Field(x => x.NextEligibleAt, nullable: true).Description("When the waiting ends (null when only something missing stands in the way).");
        Field(x => x.Reasons, nullable: false);
        Field(x => x.Missing, nullable: false).Description("What the learner must do first, e.g. a diagnostic self-assessment.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class EvidenceDownloadType : ObjectGraphType<EvidenceDownload>
{
    public EvidenceDownloadType()
    {
        Name = "EvidenceDownload";
        Description = "A short-lived, read-only URL for one evidence file.";
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(ctx => ctx.Source.Url.ToString());
        Field(x => x.ExpiresAt, nullable: false);
        Field(x => x.ContentType, nullable: false);
        Field(x => x.Sha256, nullable: false);
        Field(x => x.Anonymised, nullable: false).Description("True when the file was copied under an anonymous name for blind review.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
