using CertGrid.Abstractions.Governance;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
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
            .Description("Your community's governance: rules, committee, review schedule (admins, learners, evaluators; not partners).")
            .Authorize(AccessRules.Insiders)
            .ResolveAsync(async ctx => await Governance(ctx, ctx.Community()).GetAsync());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposalType>>>>("proposals")
            .Description("Proposals to the steering committee, newest first (admins, learners, evaluators).")
            .Authorize(AccessRules.Insiders)
            .Argument<ProposalStatusType>("status", "Only proposals in this state.")
            .ResolveAsync(async ctx => await Governance(ctx, ctx.Community()).ListProposalsAsync(ctx.GetArgument<ProposalStatus?>("status")));

        query.Field<NonNullGraphType<ProposalType>>("proposal")
            .Description("One proposal to the steering committee, with its votes (admins, learners, evaluators).")
            .Authorize(AccessRules.Insiders)
            .Argument<NonNullGraphType<IdGraphType>>("id", "The proposal (prp_…).")
            .ResolveAsync(async ctx => await Governance(ctx, ctx.Community())
                .GetProposalAsync(EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.Proposal, "id")));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GovernanceNoticeType>>>>("governanceNotices")
            .Description("What the daily check told the committee: reviews due, terms ending (admins, learners, evaluators).")
            .Authorize(AccessRules.Insiders)
            .ResolveAsync(async ctx => await Governance(ctx, ctx.Community()).GetNoticesAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<GovernanceType>>("configureGovernance")
            .Description("Turns governance on (for good) or changes its quorum: from then on framework versions, credential definitions, pathways, the policies of published credentials and the contributor badges need the committee's approval (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<ConfigureGovernanceInputType>>("input", "The quorum and how early members hear that their term ends.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<ConfigureGovernanceInput>("input");
                return await Governance(ctx, ctx.Community()).ConfigureAsync(new GovernanceSettings(input.Quorum, input.TermWarningDays ?? 30), caller.Actor);
            });

        mutation.Field<NonNullGraphType<CommitteeSeatType>>("appointCommitteeMember")
            .Description("Appoints a learner or evaluator to the steering committee for a term.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<AppointCommitteeMemberInputType>>("input", "Who, and the term's first and last day.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<AppointCommitteeMemberInput>("input");
                return await ctx.Grains().GetGrain<ICommitteeGrain>(ctx.Community()).AppointAsync(new AppointSeat(input.Person, input.StartsOn, input.EndsOn), ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<CommitteeSeatType>>("endCommitteeTerm")
            .Description("Ends a term now, with a reason (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("seatId", "The committee seat (seat_…).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why the term ends early; kept in the audit log.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<ICommitteeGrain>(ctx.Community())
                    .EndTermAsync(EntityId.Require(ctx.GetArgument<string>("seatId"), IdPrefixes.CommitteeSeat, "seatId"), ctx.GetArgument<string>("reason"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ProposalType>>("voteOnProposal")
            .Description("Votes on a proposal (committee member in office, with their own learner or evaluator key; never the proposer; once).")
            .Authorize(AccessRules.People)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("proposalId", "The proposal (prp_…).")
            .Argument<NonNullGraphType<BooleanGraphType>>("approve", "True to approve, false to reject.")
            .Argument<StringGraphType>("comment", "Why you vote as you do; the committee sees it.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var (community, person) = (ctx.Community(), ctx.OwnPerson());
                return await Governance(ctx, community).VoteAsync(EntityId.Require(ctx.GetArgument<string>("proposalId"), IdPrefixes.Proposal, "proposalId"),
                    person, ctx.GetArgument<bool>("approve"), ctx.GetArgument<string?>("comment"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ProposalType>>("withdrawProposal")
            .Description("Withdraws an open proposal (admin, or the committee member who proposed it).")
            .Authorize(AccessRules.Admins | new LoadingRule<ProposalInfo>("the key of the member who proposed it",
                ctx => Governance(ctx, ctx.Community()).GetProposalAsync(ctx.Id("proposalId", IdPrefixes.Proposal)),
                (caller, proposal) => caller.Person is { } person && person == proposal.ProposerPerson))
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("proposalId", "The proposal (prp_…).")
            .ResolveAsync(async ctx => await Governance(ctx, ctx.Community()).WithdrawAsync(ctx.Id("proposalId", IdPrefixes.Proposal), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<ReviewScheduleType>>("completeFrameworkReview")
            .Description("Records that the committee reviewed a framework; the next review is due a cadence later (committee member).")
            .Authorize(AccessRules.People)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("frameworkId", "The framework reviewed (fwk_…).")
            .Argument<NonNullGraphType<StringGraphType>>("summary", "What the committee concluded.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var (community, person) = (ctx.Community(), ctx.OwnPerson());
                return await Governance(ctx, community).CompleteReviewAsync(EntityId.Require(ctx.GetArgument<string>("frameworkId"), IdPrefixes.Framework, "frameworkId"),
                    person, ctx.GetArgument<string>("summary"), caller.Actor);
            });
    }

    private static IGovernanceGrain Governance(IResolveFieldContext ctx, string community) => ctx.Grains().GetGrain<IGovernanceGrain>(community);
}
