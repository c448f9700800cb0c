using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Practice;
using CertGrid.Abstractions.Programs;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Assessments;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>Attempts: a learner submits evidence; the assigned evaluators review it (or recuse); the panel decides.</summary>
public sealed class AssessmentSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<AttemptType>>("attempt")
            .Description("An attempt: for admins, its learner, and the evaluators on its panel.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireMember(), ctx.GetArgument<string>("id"), IdPrefixes.Attempt, "id");
                var attempt = await ctx.Grains().GetGrain<IAttemptGrain>(key).GetAsync();
                return caller.IsAdmin || caller.IsLearner(attempt.LearnerId) || attempt.Panel.Any(s => caller.IsEvaluator(s.EvaluatorId))
                    ? attempt
                    : throw CertGridException.Forbidden("Only admins, the learner and the attempt's evaluators can read an attempt.");
            });

        query.Field<NonNullGraphType<RetakeEligibilityType>>("retakeEligibility")
            .Description("Whether a learner may attempt a credential now under its retake policy, when they next may, and what is missing (learner; admins name the learner).")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .Argument<IdGraphType>("learnerId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireMember();
                var named = ctx.GetArgument<string?>("learnerId") is { } given ? EntityId.Require(given, IdPrefixes.Learner, "learnerId") : null;
                var learnerId = caller.IsAdmin ? EntityId.Require(named, IdPrefixes.Learner, "learnerId") : caller.RequireLearner();
                if (named is not null && named != learnerId)
                {
                    throw CertGridException.Forbidden("A learner key checks the learner's own eligibility only.");
                }

                var definitionKey = ctx.Scoped(community, ctx.GetArgument<string>("credentialId"), IdPrefixes.CredentialDefinition, "credentialId");
                var policy = await ctx.Grains().GetGrain<ICredentialDefinitionGrain>(definitionKey).GetAssessmentPolicyAsync();
                var learnerKey = new ScopedKey(community, learnerId).ToString();
                var definitionId = ScopedKey.Parse(definitionKey).Id;
                var diagnostics = await ctx.Grains().GetGrain<ILearnerPracticeGrain>(learnerKey).DiagnosticsCompletedAsync(definitionId);
                return await ctx.Grains().GetGrain<ILearnerGrain>(learnerKey).CheckRetakeAsync(definitionId, policy.Retake, diagnostics);
            });

        query.Field<NonNullGraphType<EvidenceDownloadType>>("evidenceDownload")
            .Description("A short-lived read URL for evidence of an attempt or appeal (admins, the learner, and evaluators on its panel; anonymised under blind review).")
            .Argument<NonNullGraphType<IdGraphType>>("subjectId", "An attempt id (att_…) or an appeal id (apl_…).")
            .Argument<NonNullGraphType<IdGraphType>>("artifactId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireMember();
                var (viewer, viewerId) = caller.IsAdmin ? (EvidenceViewerKind.Admin, null)
                    : caller.Role == Domain.Access.Role.Learner ? (EvidenceViewerKind.Learner, caller.SubjectId)
                    : (EvidenceViewerKind.Evaluator, caller.RequireEvaluator());
                var artifactId = EntityId.Require(ctx.GetArgument<string>("artifactId"), IdPrefixes.Artifact, "artifactId");
                return await ctx.Grains().GetGrain<IEvidenceAccessGrain>(community).CreateDownloadAsync(ctx.GetArgument<string>("subjectId"), artifactId, viewer, viewerId);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<AttemptType>>("submitAttempt")
            .Description("Submits committed portfolio artifacts (and the credential's reflections) as evidence; evaluators are assigned at once (learner).")
            .Argument<NonNullGraphType<SubmitAttemptInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = caller.RequireLearner();
                var input = ctx.GetArgument<SubmitAttemptInput>("input");
                var key = new ScopedKey(caller.Community!, EntityId.New(IdPrefixes.Attempt)).ToString();
                return await ctx.Grains().GetGrain<IAttemptGrain>(key).SubmitAsync(new SubmitAttempt(learnerId, input.CredentialDefinitionId, input.ArtifactIds,
                    input.Reflections?.Select(r => new ReflectionAnswer(r.PromptCode, r.Text)).ToList()));
            });

        mutation.Field<NonNullGraphType<AttemptType>>("submitReview")
            .Description("Scores an attempt you are assigned to, criterion by criterion (evaluator).")
            .Argument<NonNullGraphType<SubmitReviewInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var evaluatorId = caller.RequireEvaluator();
                var input = ctx.GetArgument<SubmitReviewInput>("input");
                var key = ctx.Scoped(caller.Community!, input.AttemptId, IdPrefixes.Attempt, "input.attemptId");
                return await ctx.Grains().GetGrain<IAttemptGrain>(key)
                    .SubmitReviewAsync(new SubmitReview(evaluatorId, input.Scores.Select(s => s.ToScore()).ToList(), input.OverallNote));
            });

        mutation.Field<NonNullGraphType<AttemptType>>("recuse")
            .Description("Steps down from an attempt you have not reviewed, with a reason (audited); the seat is reassigned (evaluator).")
            .Argument<NonNullGraphType<IdGraphType>>("attemptId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var evaluatorId = caller.RequireEvaluator();
                var key = ctx.Scoped(caller.Community!, ctx.GetArgument<string>("attemptId"), IdPrefixes.Attempt, "attemptId");
                return await ctx.Grains().GetGrain<IAttemptGrain>(key).RecuseAsync(evaluatorId, ctx.GetArgument<string>("reason"));
            });
    }
}
