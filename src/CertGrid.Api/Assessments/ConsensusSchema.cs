using CertGrid.Abstractions.Assessments;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Credentials;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>The consensus discussion of a disagreeing panel: threaded notes, closed by the lead evaluator (evaluators).</summary>
public sealed class ConsensusSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<ConsensusDiscussionType>>("postDiscussionNote")
            .Description("Posts a note in an attempt's consensus discussion, optionally as a reply (panel evaluators).")
            .Argument<NonNullGraphType<IdGraphType>>("attemptId")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IdGraphType>("replyToNoteId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var evaluatorId = caller.RequireEvaluator();
                var key = ctx.Scoped(caller.Community!, ctx.GetArgument<string>("attemptId"), IdPrefixes.Attempt, "attemptId");
                return await ctx.Grains().GetGrain<IConsensusDiscussionGrain>(key)
                    .PostNoteAsync(evaluatorId, ctx.GetArgument<string>("text"), ctx.GetArgument<string?>("replyToNoteId"));
            });

        mutation.Field<NonNullGraphType<AttemptType>>("closeDiscussion")
            .Description("Closes the consensus discussion with the panel's decision and rationale; the attempt is decided (the lead evaluator).")
            .Argument<NonNullGraphType<CloseDiscussionInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var evaluatorId = caller.RequireEvaluator();
                var input = ctx.GetArgument<CloseDiscussionInput>("input");
                var key = ctx.Scoped(caller.Community!, input.AttemptId, IdPrefixes.Attempt, "input.attemptId");
                await ctx.Grains().GetGrain<IConsensusDiscussionGrain>(key).CloseAsync(new DiscussionDecision(evaluatorId, input.Passed, input.Rationale,
                    input.Levels?.Select(l => new CriterionResult(l.CriterionCode, l.Level)).ToList()));
                return await ctx.Grains().GetGrain<IAttemptGrain>(key).GetAsync();
            });
    }
}
