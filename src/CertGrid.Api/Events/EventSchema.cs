using CertGrid.Abstractions.Events;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Events;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Events;

/// <summary>The community's event feed: ordered, resumable catch-up from a cursor (admin).</summary>
public sealed class EventSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<EventFeedPageType>>("events")
            .Description("The community's events in the order they happened, after a cursor (admin). Start without 'after', then pass the page's cursor to catch up; the same cursor is good forever.")
            .Authorize(AccessRules.Admins)
            .Paged()
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("types", $"Only these event types (leave out for all): {string.Join(", ", DomainEventTypes.All)}.")
            .ResolveAsync(async ctx =>
            {
                var page = ctx.Page();
                var after = FeedCursor.Parse(page.After, "after");
                var types = DomainEventTypes.RequireKnown(ctx.GetArgument<List<string>?>("types"), "types");
                return await ctx.Grains().GetGrain<IEventFeedReaderGrain>(ctx.Community()).ReadAsync(after, page.First, types);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
    }
}
