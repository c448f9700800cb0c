using GraphQL.Types;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>
/// The root <c>Subscription</c> type, assembled from every feature's <see cref="ISchemaContributor"/>. Subscriptions are
/// served as Server-Sent Events (<see cref="GraphQlEventStreamEndpoint"/>); <c>/graphql</c> refuses them as JSON.
/// </summary>
public sealed class RootSubscription : ObjectGraphType
{
    public RootSubscription(IEnumerable<ISchemaContributor> contributors)
    {
        Name = "Subscription";
        Description = "Live streams, served over Server-Sent Events (send the subscription with 'Accept: text/event-stream'). Each field says who may follow it.";
        foreach (var contributor in contributors)
        {
            contributor.AddSubscriptions(this);
        }
    }
}
