using CertGrid.Abstractions.Events;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Partners;
using CertGrid.Domain.Access;
using CertGrid.Domain.Events;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Events;

/// <summary>
/// The community's event feed: ordered, resumable catch-up from a cursor (admin), the part of it a partner organisation
/// may see (<see cref="PartnerEventRule"/>), and both live as subscriptions (Server-Sent Events).
/// </summary>
public sealed class EventSchema : ISchemaContributor
{
    private static readonly string TypesDescription = $"Only these event types (leave out for all): {string.Join(", ", DomainEventTypes.All)}.";
    private static readonly string PartnerTypesDescription = $"Only these event types (leave out for all a partner sees): {string.Join(", ", PartnerEventRule.Types)}.";
    private const string CommunityDescription = "The community (its id) whose grant to your organisation holds credentials:read.";

    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<EventFeedPageType>>("events")
            .Description("The community's events in the order they happened, after a cursor (admin). Start without 'after', then pass the page's cursor to catch up; the same cursor is good forever.")
            .Authorize(AccessRules.Admins)
            .Paged()
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("types", TypesDescription)
            .ResolveAsync(async ctx =>
            {
                var page = ctx.Page();
                var after = FeedCursor.Parse(page.After, "after");
                var types = DomainEventTypes.RequireKnown(ctx.GetArgument<List<string>?>("types"), "types");
                return await ctx.Grains().GetGrain<IEventFeedReaderGrain>(ctx.Community()).ReadAsync(after, page.First, types);
            });

        query.Field<NonNullGraphType<PartnerEventPageType>>("partnerEvents")
            .Description("A partner organisation's view of a community's events: credential events about credentials their holders share with your organisation now, in order, after a cursor.")
            .Authorize(AccessRules.PartnerOrganisations)
            .Argument<NonNullGraphType<IdGraphType>>("community", CommunityDescription)
            .Paged()
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("types", PartnerTypesDescription)
            .ResolveAsync(async ctx =>
            {
                var community = ctx.GrantingCommunity("community", PartnerScopes.ReadCredentials);
                var page = ctx.Page();
                var after = FeedCursor.Parse(page.After, "after");
                var types = PartnerEventRule.RequireKnown(ctx.GetArgument<List<string>?>("types"), "types");
                return await ctx.Grains().GetGrain<IEventFeedReaderGrain>(community).ReadForPartnerAsync(ctx.Caller().SubjectId!, after, page.First, types);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
    }

    public void AddSubscriptions(RootSubscription subscription)
    {
        subscription.Field<NonNullGraphType<FeedEventType>>("events")
            .Description("The community's events live (admin): first those after 'after' (leave it out for the whole feed), then each new one as it happens, in feed order, without gaps or duplicates. Resubscribe with the last event's cursor to resume.")
            .Authorize(AccessRules.Admins)
            .Argument<StringGraphType>("after", "Start after this feed cursor (an event's or a page's cursor); leave it out to start at the beginning.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("types", TypesDescription)
            .ResolveAdmittedStream<object?, FeedEvent>((ctx, leaving) =>
            {
                var community = ctx.Community();
                var after = FeedCursor.Parse(ctx.GetArgument<string?>("after"), "after");
                var types = DomainEventTypes.RequireKnown(ctx.GetArgument<List<string>?>("types"), "types");
                var reader = ctx.Grains().GetGrain<IEventFeedReaderGrain>(community);
                return ctx.Service<LiveEventFeed>().FollowAsync(community, after, from => reader.ReadAsync(from, LiveEventFeed.PageSize, types), leaving);
            });

        subscription.Field<NonNullGraphType<PartnerEventType>>("partnerEvents")
            .Description("A partner organisation's events of one community live: those after 'after', then each new one, limited as partnerEvents is (credentials shared with your organisation now).")
            .Authorize(AccessRules.PartnerOrganisations)
            .Argument<NonNullGraphType<IdGraphType>>("community", CommunityDescription)
            .Argument<StringGraphType>("after", "Start after this feed cursor; leave it out to start at the beginning.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("types", PartnerTypesDescription)
            .ResolveAdmittedStream<object?, FeedEvent>((ctx, leaving) =>
            {
                var community = ctx.GrantingCommunity("community", PartnerScopes.ReadCredentials);
                var after = FeedCursor.Parse(ctx.GetArgument<string?>("after"), "after");
                var types = PartnerEventRule.RequireKnown(ctx.GetArgument<List<string>?>("types"), "types");
                var stream = new PartnerLiveFeed(ctx.Grains(), ctx.DomainClock(), ctx.Caller().SubjectId!, ctx.Caller().KeyId!, community, types);
                return ctx.Service<LiveEventFeed>().FollowAsync(community, after, stream.ReadAsync, leaving);
            });
    }
}
