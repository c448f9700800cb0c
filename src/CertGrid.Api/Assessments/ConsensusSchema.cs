using CertGrid.Abstractions.Assessments;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
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
            .Description("Posts a note in an attempt's consensus discussion, optionally as a reply (evaluators on its panel; the discussion checks the seat).")
            .Authorize(AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("attemptId", "The attempt under discussion (att_…).")
            .Argument<NonNullGraphType<StringGraphType>>("text", "The note, in plain text.")
            .Argument<IdGraphType>("replyToNoteId", "The note this one answers, for a threaded reply.")
            .ResolveAsync(async ctx => await ctx.Grains().ConsensusDiscussion(ctx.Community(), ctx.Id("attemptId", IdPrefixes.Attempt))
                .PostNoteAsync(ctx.OwnEvaluatorId(), ctx.GetArgument<string>("text"), ctx.GetArgument<string?>("replyToNoteId")));

        mutation.Field<NonNullGraphType<AttemptType>>("closeDiscussion")
            .Description("Closes the consensus discussion with the panel's decision and rationale; the attempt is decided (the lead evaluator, or a community admin overriding a stalled discussion, the rationale giving the reason; audited).")
            .Authorize(AccessRules.Admins | AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<CloseDiscussionInputType>>("input", "The attempt, the decision, the rationale and the agreed levels.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CloseDiscussionInput>("input");
                var levels = input.Levels?.Select(l => new CriterionResult(l.CriterionCode, l.Level)).ToList();
                var attemptId = EntityId.Require(input.AttemptId, IdPrefixes.Attempt, "input.attemptId");
                var discussion = ctx.Grains().ConsensusDiscussion(ctx.Community(), attemptId);
                await (ctx.Caller().IsAdmin
                    ? discussion.CloseAsAdminAsync(input.Passed, input.Rationale, levels, ctx.Caller().Actor)
                    : discussion.CloseAsync(new DiscussionDecision(ctx.OwnEvaluatorId(), input.Passed, input.Rationale, levels)));
                return await ctx.Grains().Attempt(ctx.Community(), attemptId).GetAsync();
            });

        mutation.Field<NonNullGraphType<ConsensusDiscussionType>>("recuseFromDiscussion")
            .Description("Leaves an attempt's consensus discussion with a reason (audited); a recusing lead's role passes to the next active panel member (evaluators on its panel).")
            .Authorize(AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("attemptId", "The attempt under discussion (att_…).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why you leave; kept in the audit log.")
            .ResolveAsync(async ctx => await ctx.Grains().ConsensusDiscussion(ctx.Community(), ctx.Id("attemptId", IdPrefixes.Attempt))
                .RecuseAsync(ctx.OwnEvaluatorId(), ctx.GetArgument<string>("reason")));
    }
}
