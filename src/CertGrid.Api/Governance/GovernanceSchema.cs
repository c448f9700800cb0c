using CertGrid.Abstractions.Governance;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Governance;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Governance;

/// <summary>
/// The steering committee: admins turn governance on and appoint terms; committee members vote with their own
/// learner or evaluator key. An admin key cannot vote, so no admin can approve a change alone.
/// </summary>
public sealed class GovernanceSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<GovernanceType>>("governance")
            .Description("Your community's governance: rules, committee, review schedule (admins, learners, evaluators).")
            .ResolveAsync(async ctx => await Governance(ctx, Insider(ctx)).GetAsync());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposalType>>>>("proposals")
            .Description("Proposals to the steering committee, newest first (any member).")
            .Argument<ProposalStatusType>("status")
            .ResolveAsync(async ctx => await Governance(ctx, Insider(ctx)).ListProposalsAsync(ctx.GetArgument<ProposalStatus?>("status")));

        query.Field<NonNullGraphType<ProposalType>>("proposal")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await Governance(ctx, Insider(ctx))
                .GetProposalAsync(EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.Proposal, "id")));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GovernanceNoticeType>>>>("governanceNotices")
            .Description("What the daily check told the committee: reviews due, terms ending (any member).")
            .ResolveAsync(async ctx => await Governance(ctx, Insider(ctx)).GetNoticesAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<GovernanceType>>("configureGovernance")
            .Description("Turns governance on (for good) or changes its quorum: from then on framework versions, credential definitions, pathways, the policies of published credentials and the contributor badges need the committee's approval (admin).")
            .Argument<NonNullGraphType<ConfigureGovernanceInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<ConfigureGovernanceInput>("input");
                return await Governance(ctx, caller.RequireAdmin()).ConfigureAsync(new GovernanceSettings(input.Quorum, input.TermWarningDays ?? 30), caller.Actor);
            });

        mutation.Field<NonNullGraphType<CommitteeSeatType>>("appointCommitteeMember")
            .Description("Appoints a learner or evaluator to the steering committee for a term (admin).")
            .Argument<NonNullGraphType<AppointCommitteeMemberInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<AppointCommitteeMemberInput>("input");
                return await ctx.Grains().GetGrain<ICommitteeGrain>(caller.RequireAdmin()).AppointAsync(new AppointSeat(input.Person, input.StartsOn, input.EndsOn), caller.Actor);
            });

        mutation.Field<NonNullGraphType<CommitteeSeatType>>("endCommitteeTerm")
            .Description("Ends a term now, with a reason (admin).")
            .Argument<NonNullGraphType<IdGraphType>>("seatId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<ICommitteeGrain>(caller.RequireAdmin())
                    .EndTermAsync(EntityId.Require(ctx.GetArgument<string>("seatId"), IdPrefixes.CommitteeSeat, "seatId"), ctx.GetArgument<string>("reason"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ProposalType>>("voteOnProposal")
            .Description("Votes on a proposal (committee member in office, with their own learner or evaluator key; never the proposer; once).")
            .Argument<NonNullGraphType<IdGraphType>>("proposalId")
            .Argument<NonNullGraphType<BooleanGraphType>>("approve")
            .Argument<StringGraphType>("comment")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var (community, person) = caller.RequirePerson();
                return await Governance(ctx, community).VoteAsync(EntityId.Require(ctx.GetArgument<string>("proposalId"), IdPrefixes.Proposal, "proposalId"),
                    person, ctx.GetArgument<bool>("approve"), ctx.GetArgument<string?>("comment"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ProposalType>>("withdrawProposal")
            .Description("Withdraws an open proposal (admin, or the committee member who proposed it).")
            .Argument<NonNullGraphType<IdGraphType>>("proposalId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireMember();
                var governance = Governance(ctx, community);
                var id = EntityId.Require(ctx.GetArgument<string>("proposalId"), IdPrefixes.Proposal, "proposalId");
                var proposal = await governance.GetProposalAsync(id);
                return caller.IsAdmin || (caller.Person is { } person && person == proposal.ProposerPerson)
                    ? await governance.WithdrawAsync(id, caller.Actor)
                    : throw CertGridException.Forbidden("Only admins and the member who proposed it can withdraw a proposal.");
            });

        mutation.Field<NonNullGraphType<ReviewScheduleType>>("completeFrameworkReview")
            .Description("Records that the committee reviewed a framework; the next review is due a cadence later (committee member).")
            .Argument<NonNullGraphType<IdGraphType>>("frameworkId")
            .Argument<NonNullGraphType<StringGraphType>>("summary")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var (community, person) = caller.RequirePerson();
                return await Governance(ctx, community).CompleteReviewAsync(EntityId.Require(ctx.GetArgument<string>("frameworkId"), IdPrefixes.Framework, "frameworkId"),
                    person, ctx.GetArgument<string>("summary"), caller.Actor);
            });
    }

    private static IGovernanceGrain Governance(IResolveFieldContext ctx, string community) => ctx.Grains().GetGrain<IGovernanceGrain>(community);

    /// <summary>Admins, learners and evaluators read their community's governance; partner organisations do not.</summary>
    private static string Insider(IResolveFieldContext ctx)
    {
        var caller = ctx.Caller();
        return caller.IsAdmin ? caller.Community! : caller.RequirePerson().Community;
    }
}
