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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionScoreType>>>>("selfScores").Resolve(ctx => ctx.Source.SelfScores);
        Field(x => x.SelfNote, nullable: true);
        Field(x => x.SelfPercent, nullable: false);
        Field(x => x.CompletedAt, nullable: false);
        Field(x => x.MentorEvaluatorId, type: typeof(IdGraphType));
        Field(x => x.MentorRequestedAt, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence").Resolve(ctx => ctx.Source.Evidence);
        Field<ListGraphType<NonNullGraphType<CriterionScoreType>>>("mentorScores").Resolve(ctx => ctx.Source.MentorScores);
        Field(x => x.MentorNote, nullable: true);
        Field(x => x.MentorPercent, nullable: true);
        Field(x => x.MentorReviewedAt, nullable: true);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PracticeRequestType : ObjectGraphType<PracticeRequest>
{
    public PracticeRequestType()
    {
        Name = "PracticeRequest";
        Description = "A learner's request for a practice review from their mentor.";
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.SessionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.RequestedAt, nullable: false);
        Field(x => x.Reviewed, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CriterionReadinessType : ObjectGraphType<CriterionReadiness>
{
    public CriterionReadinessType()
    {
        Name = "CriterionReadiness";
        Description = "How ready a learner looks on one rubric criterion, from their latest self-assessment and mentor review.";
        Field(x => x.CriterionCode, nullable: false);
        Field(x => x.CriterionName, nullable: false);
        Field(x => x.SelfLevel, nullable: true);
        Field(x => x.MentorLevel, nullable: true);
        Field(x => x.PercentOfMax, nullable: false);
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
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.SelfPercent, nullable: true);
        Field(x => x.MentorPercent, nullable: true);
        Field(x => x.PassThresholdPercent, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionReadinessType>>>>("criteria").Resolve(ctx => ctx.Source.Criteria);
        Field(x => x.WeakCriteria, nullable: false);
        Field(x => x.Ready, nullable: false);
        Field(x => x.Summary, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}
