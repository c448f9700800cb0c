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
        Field<NonNullGraphType<StringGraphType>>("promptCode").Description("The code of the prompt it answers.").Resolve(ctx => ctx.Source.Answer.PromptCode);
        Field<StringGraphType>("prompt").Description("The prompt's question; null if the policy no longer has that prompt.").Resolve(ctx => ctx.Source.Prompt?.Prompt);
        Field<StringGraphType>("criterionCode").Description("The rubric criterion it is scored under.").Resolve(ctx => ctx.Source.Prompt?.CriterionCode);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The learner's answer.").Resolve(ctx => ctx.Source.Answer.Text);
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
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator (evl_…) who left the panel.");
        Field(x => x.AssignedAt, nullable: false).Description("When they were assigned (UTC instant).");
        Field(x => x.LeftAt, nullable: false).Description("When they left the panel (UTC instant).");
        Field(x => x.Why, type: typeof(NonNullGraphType<SeatReleaseType>)).Description("RECUSED (they withdrew) or OVERDUE (their review deadline passed).");
        Field(x => x.Reason, nullable: false).Description("The reason they gave for recusing, or the deadline they missed.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CriterionFeedbackType : ObjectGraphType<CriterionFeedback>
{
    public CriterionFeedbackType()
    {
        Name = "CriterionFeedback";
        Description = "The level the panel settled on for one rubric criterion, with the notes that explain it.";
        Field(x => x.CriterionCode, nullable: false).Description("The rubric criterion's code.");
        Field(x => x.CriterionName, nullable: false).Description("The criterion's name in the rubric.");
        Field(x => x.Level, nullable: false).Description("The level awarded (decided, or the panel's lower median).");
        Field(x => x.Points, nullable: false).Description("The points of the level awarded.");
        Field(x => x.MaxPoints, nullable: false).Description("The points of the criterion's highest level.");
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionFeedbackType>>>>("criteria").Description("The level awarded on every rubric criterion, with the evaluators' notes.").Resolve(ctx => ctx.Source.Criteria);
        Field(x => x.OverallNotes, nullable: false).Description("Every evaluator's overall note; empty when they left none.");
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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The note's id, to reply to it.");
        Field(x => x.AuthorEvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The panel member (evl_…) who posted it.");
        Field(x => x.Text, nullable: false).Description("The note's text.");
        Field(x => x.ReplyToNoteId, type: typeof(IdGraphType)).Description("The note this one answers (threads).");
        Field(x => x.PostedAt, nullable: false).Description("When it was posted (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DiscussionDecisionType : ObjectGraphType<DiscussionDecision>
{
    public DiscussionDecisionType()
    {
        Name = "DiscussionDecision";
        Description = "How a consensus discussion was closed: by whom, pass or fail, and why.";
        Field(x => x.LeadEvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The lead evaluator (evl_…) when the discussion closed.");
        Field(x => x.Passed, nullable: false).Description("True when the attempt passed.");
        Field(x => x.Rationale, nullable: false).Description("Why the panel decided so, as recorded in the audit log and shown to the learner.");
        Field<ListGraphType<NonNullGraphType<Credentials.CriterionResultType>>>("levels").Description("The agreed level per criterion; null when none were given and the reviews' levels stand.").Resolve(ctx => ctx.Source.Levels);
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
        Field(x => x.LeadEvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The panel member (evl_…) who leads the discussion and closes it.");
        Field(x => x.PanelEvaluatorIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Every evaluator (evl_…) of the disagreeing panel.");
        Field(x => x.Reason, nullable: false).Description("Why a discussion was needed: how the reviews disagreed.");
        Field(x => x.OpenedAt, nullable: false).Description("When the discussion opened (UTC instant).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiscussionNoteType>>>>("notes").Description("The notes posted, oldest first.").Resolve(ctx => ctx.Source.Notes);
        Field<DiscussionDecisionType>("decision").Description("How the discussion was closed; null while it is open.").Resolve(ctx => ctx.Source.Decision);
        Field(x => x.ClosedAt, nullable: true).Description("When the discussion closed (UTC instant); null while it is open.");
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
        Field(x => x.Eligible, nullable: false).Description("True when the learner may submit an attempt now.");
        Field(x => x.NextEligibleAt, nullable: true).Description("When the waiting ends (null when only something missing stands in the way).");
        Field(x => x.Reasons, nullable: false).Description("Why the learner may not attempt now, one sentence each; empty when eligible.");
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
        Field<NonNullGraphType<StringGraphType>>("url").Description("A read-only URL for the file, valid until expiresAt (a few minutes).").Resolve(ctx => ctx.Source.Url.ToString());
        Field(x => x.ExpiresAt, nullable: false).Description("When the URL stops working (UTC instant).");
        Field(x => x.ContentType, nullable: false).Description("The file's MIME type.");
        Field(x => x.Sha256, nullable: false).Description("Hex SHA-256 of the file, to check the download.");
        Field(x => x.Anonymised, nullable: false).Description("True when the file was copied under an anonymous name for blind review.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
