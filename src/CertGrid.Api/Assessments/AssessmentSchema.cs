using CertGrid.Abstractions.Assessments;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>Attempts: a learner submits evidence; the assigned evaluators review it; the panel decides.</summary>
public sealed class AssessmentSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
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

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<AttemptType>>("submitAttempt")
            .Description("Submits committed portfolio artifacts as evidence for a published credential; evaluators are assigned at once (learner).")
            .Argument<NonNullGraphType<SubmitAttemptInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = caller.RequireLearner();
                var input = ctx.GetArgument<SubmitAttemptInput>("input");
                var key = new ScopedKey(caller.Community!, EntityId.New(IdPrefixes.Attempt)).ToString();
                return await ctx.Grains().GetGrain<IAttemptGrain>(key)
                    .SubmitAsync(new SubmitAttempt(learnerId, input.CredentialDefinitionId, input.ArtifactIds));
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
    }
}
