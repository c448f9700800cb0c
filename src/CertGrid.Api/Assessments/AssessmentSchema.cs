using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Practice;
using CertGrid.Abstractions.Programs;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Assessments;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>Attempts: a learner submits evidence; the assigned evaluators review it (or recuse); the panel decides.</summary>
public sealed class AssessmentSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<AttemptType>>("attempt")
            .Description("An attempt, with its evidence, panel, the reviews you may see and the decision.")
            .Authorize(AccessRules.Admins | AccessRules.LearnerOf<AttemptView>(a => a.LearnerId) | AssessmentAccess.PanelOf<AttemptView>(a => a.Panel))
            .Argument<NonNullGraphType<IdGraphType>>("id", "The attempt's id (att_…).")
            .ResolveAsync(async ctx => await ctx.Grains().Attempt(ctx.Community(), ctx.Id("id", IdPrefixes.Attempt)).GetAsync());

        query.Field<NonNullGraphType<RetakeEligibilityType>>("retakeEligibility")
            .Description("Whether a learner may attempt a credential now under its retake policy, when they next may, and what is missing (a learner asks for themself; admins name the learner).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "The credential (def_…).")
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var learnerId = ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId();
                var definitionId = ctx.Id("credentialId", IdPrefixes.CredentialDefinition);
                var policy = await ctx.Grains().CredentialDefinition(community, definitionId).GetAssessmentPolicyAsync();
                var diagnostics = await ctx.Grains().LearnerPractice(community, learnerId).DiagnosticsCompletedAsync(definitionId);
                return await ctx.Grains().Learner(community, learnerId).CheckRetakeAsync(definitionId, policy.Retake, diagnostics);
            });

        query.Field<NonNullGraphType<EvidenceDownloadType>>("evidenceDownload")
            .Description("A short-lived read URL for evidence of an attempt or appeal (admins, the learner, and evaluators on its panel, which the grain checks; anonymised under blind review).")
            .Authorize(AccessRules.Admins | AccessRules.Learners | AccessRules.Evaluators)
            .Argument<NonNullGraphType<IdGraphType>>("subjectId", "An attempt id (att_…) or an appeal id (apl_…).")
            .Argument<NonNullGraphType<IdGraphType>>("artifactId", "The evidence artifact (art_…).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var (viewer, viewerId) = caller.IsAdmin ? (EvidenceViewerKind.Admin, null)
                    : caller.Role == Domain.Access.Role.Learner ? (EvidenceViewerKind.Learner, ctx.OwnLearnerId())
                    : (EvidenceViewerKind.Evaluator, ctx.OwnEvaluatorId());
                var artifactId = ctx.Id("artifactId", IdPrefixes.Artifact);
                return await ctx.Grains().GetGrain<IEvidenceAccessGrain>(ctx.Community()).CreateDownloadAsync(ctx.GetArgument<string>("subjectId"), artifactId, viewer, viewerId);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<AttemptType>>("submitAttempt")
            .Description("Submits committed portfolio artifacts (and the credential's reflections) as evidence; evaluators are assigned at once.")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<SubmitAttemptInputType>>("input", "The credential, the evidence and the reflections.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SubmitAttemptInput>("input");
                var submission = new SubmitAttempt(ctx.OwnLearnerId(), input.CredentialDefinitionId, input.ArtifactIds,
                    input.Reflections?.Select(r => new ReflectionAnswer(r.PromptCode, r.Text)).ToList());
                return await ctx.CreateOnceAsync(IdPrefixes.Attempt,
                    id => ctx.Grains().Attempt(ctx.Community(), id).SubmitAsync(submission),
                    id => ctx.Grains().Attempt(ctx.Community(), id).GetAsync());
            });

        mutation.Field<NonNullGraphType<AttemptType>>("submitReview")
            .Description("Scores an attempt you are assigned to, criterion by criterion; the last review of the panel decides it.")
            .Authorize(AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<SubmitReviewInputType>>("input", "The attempt and a level for every rubric criterion.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SubmitReviewInput>("input");
                var attempt = ctx.Grains().Attempt(ctx.Community(), EntityId.Require(input.AttemptId, IdPrefixes.Attempt, "input.attemptId"));
                var review = new SubmitReview(ctx.OwnEvaluatorId(), input.Scores.Select(s => s.ToScore()).ToList(), input.OverallNote);
                return await ctx.ChangeOnceAsync(() => attempt.SubmitReviewAsync(review), async () =>
                {
                    // A retry finds this evaluator's review with the same levels: the first run submitted it.
                    var view = await attempt.GetAsync();
                    var made = view.Reviews.FirstOrDefault(r => r.EvaluatorId == review.EvaluatorId);
                    return made is not null && made.Scores.Select(s => (s.CriterionCode, s.Level)).SequenceEqual(review.Scores.Select(s => (s.CriterionCode, s.Level))) ? view : null;
                });
            });

        mutation.Field<NonNullGraphType<AttemptType>>("recuse")
            .Description("Steps down from an attempt you have not reviewed, with a reason (audited); the seat is reassigned.")
            .Authorize(AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("attemptId", "The attempt (att_…).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why you step down (a conflict of interest, say); kept in the audit log.")
            .ResolveAsync(async ctx => await ctx.Grains().Attempt(ctx.Community(), ctx.Id("attemptId", IdPrefixes.Attempt)).RecuseAsync(ctx.OwnEvaluatorId(), ctx.GetArgument<string>("reason")));
    }
}
