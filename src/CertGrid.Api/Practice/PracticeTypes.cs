using CertGrid.Abstractions.Practice;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Assessments;
using CertGrid.Domain.Practice;
using GraphQL.Types;

namespace CertGrid.Api.Practice;

public sealed class PracticeSessionType : ObjectGraphType<PracticeSession>
{
    public PracticeSessionType()
    {
        Name = "PracticeSession";
        Description = "A diagnostic self-assessment and, optionally, a mentor's practice review of it. Never an attempt.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The session's id (prs_…).");
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner (lrn_…) who assessed themselves.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) practised for.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreType>>>>("selfScores").Description("The learner's own level for every rubric criterion.").Resolve(ctx => ctx.Source.SelfScores);
        Field(x => x.SelfNote, nullable: true).Description("The learner's note on their self-assessment; null when they left none.");
        Field(x => x.SelfPercent, nullable: false).Description("The self-assessment's weighted score as a percentage of the rubric's maximum (0-100).");
        Field(x => x.CompletedAt, nullable: false).Description("When the learner completed the self-assessment (UTC instant).");
        Field(x => x.MentorEvaluatorId, type: typeof(IdGraphType)).Description("The mentor (evl_…) asked for a practice review; null until one is requested.");
        Field(x => x.MentorRequestedAt, nullable: true).Description("When the practice review was requested (UTC instant); null until then.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence").Description("The artifact versions shared with the mentor, frozen when the review was requested; empty without one.").Resolve(ctx => ctx.Source.Evidence);
        Field<ListGraphType<NonNullGraphType<CriterionScoreType>>>("mentorScores").Description("The mentor's level for every rubric criterion; null until the mentor has reviewed.").Resolve(ctx => ctx.Source.MentorScores);
        Field(x => x.MentorNote, nullable: true).Description("The mentor's overall note; null until reviewed or when they left none.");
        Field(x => x.MentorPercent, nullable: true).Description("The mentor's weighted score as a percentage (0-100); null until reviewed.");
        Field(x => x.MentorReviewedAt, nullable: true).Description("When the mentor reviewed (UTC instant); null until then.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PracticeRequestType : ObjectGraphType<PracticeRequest>
{
    public PracticeRequestType()
    {
        Name = "PracticeRequest";
        Description = "A learner's request for a practice review from their mentor.";
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner (lrn_…) asking for the review.");
        Field(x => x.SessionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The practice session (prs_…) to review.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) practised for.");
        Field(x => x.RequestedAt, nullable: false).Description("When the review was requested (UTC instant).");
        Field(x => x.Reviewed, nullable: false).Description("True once the mentor has reviewed it.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CriterionReadinessType : ObjectGraphType<CriterionReadiness>
{
    public CriterionReadinessType()
    {
        Name = "CriterionReadiness";
        Description = "How ready a learner looks on one rubric criterion, from their latest self-assessment and mentor review.";
        Field(x => x.CriterionCode, nullable: false).Description("The rubric criterion's code.");
        Field(x => x.CriterionName, nullable: false).Description("The criterion's name in the rubric.");
        Field(x => x.SelfLevel, nullable: true).Description("The level of the learner's latest self-assessment; null without one.");
        Field(x => x.MentorLevel, nullable: true).Description("The level of the latest mentor review; null without one.");
        Field(x => x.PercentOfMax, nullable: false).Description("The judged level's points (the mentor's when there is one) as a percentage of the criterion's maximum (0-100).");
        Field(x => x.Weak, nullable: false).Description("Below the credential's pass threshold on this criterion.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ReadinessReportType : ObjectGraphType<ReadinessReport>
{
    public ReadinessReportType()
    {
        Name = "ReadinessReport";
        Description = "How ready a learner looks for a credential: weak criteria and the estimated score.";
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) the report is for.");
        Field(x => x.SelfPercent, nullable: true).Description("The latest self-assessment's weighted score (0-100); null without one.");
        Field(x => x.MentorPercent, nullable: true).Description("The latest mentor review's weighted score (0-100); null without one.");
        Field(x => x.PassThresholdPercent, nullable: false).Description("The score the credential requires to pass (0-100).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionReadinessType>>>>("criteria").Description("Readiness on every rubric criterion.").Resolve(ctx => ctx.Source.Criteria);
        Field(x => x.WeakCriteria, nullable: false).Description("Codes of the criteria below the pass threshold.");
        Field(x => x.Ready, nullable: false).Description("True when no criterion is weak and the estimated score (the mentor's, else the learner's) meets the threshold.");
        Field(x => x.Summary, nullable: false).Description("The verdict in a sentence, naming what to work on.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
