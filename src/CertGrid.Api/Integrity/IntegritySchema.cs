using CertGrid.Abstractions.Integrity;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Integrity;
using GraphQL.Types;

namespace CertGrid.Api.Integrity;

public sealed class EvidenceSubmissionType : ObjectGraphType<EvidenceSubmission>
{
    public EvidenceSubmissionType()
    {
        Name = "EvidenceSubmission";
        Description = "One submission of duplicated bytes: which learner submitted them, with which attempt, as which artifact.";
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner (lrn_…) who submitted it.");
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The attempt (att_…) it was submitted with.");
        Field(x => x.ArtifactId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner's portfolio artifact (art_…) that holds those bytes.");
        Field(x => x.SubmittedAt, nullable: false).Description("When the attempt was submitted (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DuplicateEvidenceType : ObjectGraphType<DuplicateEvidence>
{
    public DuplicateEvidenceType()
    {
        Name = "DuplicateEvidence";
        Description = "The same artifact bytes (by SHA-256) submitted as evidence by different learners.";
        Field(x => x.Sha256, nullable: false).Description("Hex SHA-256 of the bytes submitted more than once.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceSubmissionType>>>>("submissions").Description("Every submission of those bytes, by learner and attempt.").Resolve(ctx => ctx.Source.Submissions);
        Field(x => x.FlaggedAt, nullable: false).Description("When a second learner's submission raised the flag (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DivergenceFlagType : ObjectGraphType<DivergenceFlag>
{
    public DivergenceFlagType()
    {
        Name = "DivergentEvaluator";
        Description = "An evaluator whose recent reviews diverge strongly from their panels.";
        Field(x => x.EvaluatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The evaluator (evl_…) flagged.");
        Field(x => x.Reviews, nullable: false).Description("How many of their recent reviews the figures cover.");
        Field(x => x.MeanAbsoluteDeviation, nullable: false).Description("Mean distance, in percentage points, from the rest of the panel.");
        Field(x => x.MeanDeviation, nullable: false).Description("Positive: more generous than the panel; negative: harsher.");
        Field(x => x.DisagreementRate, nullable: false).Description("Share of reviews on the other side of the panel's decision.");
        Field(x => x.Reason, nullable: false).Description("Why they were flagged, in a sentence.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

/// <summary>Integrity signals for admins: duplicated evidence and divergent evaluators.</summary>
public sealed class IntegritySchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PageGraphType<DuplicateEvidenceType, DuplicateEvidence>>>("duplicateEvidence")
            .Description("Artifact hashes submitted by more than one learner (admin).")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IAssessmentIndexGrain>(ctx.Community()).ListDuplicateEvidenceAsync(ctx.Page()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DivergenceFlagType>>>>("divergentEvaluators")
            .Description("Evaluators whose decisions diverge strongly from their panels, most divergent first (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IIntegritySignalsGrain>(ctx.Community()).DivergentEvaluatorsAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
    }
}
