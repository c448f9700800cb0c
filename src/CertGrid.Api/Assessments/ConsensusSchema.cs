using CertGrid.Abstractions.Assessments;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Credentials;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>The consensus discussion of a disagreeing panel: threaded notes, closed by the lead evaluator or a community admin; recusal passes the lead on.</summary>
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
            .Description("Closes the consensus discussion with the panel's decision and rationale; the attempt is decided (the lead evaluator, or a community admin overriding a stalled discussion, the rationale giving the reason; audited).")
            .Argument<NonNullGraphType<CloseDiscussionInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<CloseDiscussionInput>("input");
                var levels = input.Levels?.Select(l => new CriterionResult(l.CriterionCode, l.Level)).ToList();
                var community = caller.IsAdmin ? caller.RequireAdmin() : caller.Community!;
                var evaluatorId = caller.IsAdmin ? null : caller.RequireEvaluator();
                var key = ctx.Scoped(community, input.AttemptId, IdPrefixes.Attempt, "input.attemptId");
                var discussion = ctx.Grains().GetGrain<IConsensusDiscussionGrain>(key);
                await (evaluatorId is null
                    ? discussion.CloseAsAdminAsync(input.Passed, input.Rationale, levels, caller.Actor)
                    : discussion.CloseAsync(new DiscussionDecision(evaluatorId, input.Passed, input.Rationale, levels)));
                return await ctx.Grains().GetGrain<IAttemptGrain>(key).GetAsync();
            });

        mutation.Field<NonNullGraphType<ConsensusDiscussionType>>("recuseFromDiscussion")
            .Description("Leaves an attempt's consensus discussion with a reason (audited); a recusing lead's role passes to the next active panel member (panel evaluators).")
            .Argument<NonNullGraphType<IdGraphType>>("attemptId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var evaluatorId = caller.RequireEvaluator();
                var key = ctx.Scoped(caller.Community!, ctx.GetArgument<string>("attemptId"), IdPrefixes.Attempt, "attemptId");
                return await ctx.Grains().GetGrain<IConsensusDiscussionGrain>(key).RecuseAsync(evaluatorId, ctx.GetArgument<string>("reason"));
            });
    }
}
