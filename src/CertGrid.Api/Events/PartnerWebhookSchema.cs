using CertGrid.Abstractions.Notices;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Notices;
using CertGrid.Api.Partners;
using CertGrid.Api.Retries;
using CertGrid.Domain.Access;
using CertGrid.Domain.Events;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Events;

/// <summary>
/// A partner organisation's webhook endpoints in a community whose grant holds credentials:read: they receive the
/// credential events of credentials shared with the partner (<see cref="PartnerEventRule"/>), signed and retried as the
/// community's own endpoints are.
/// </summary>
public sealed class PartnerWebhookSchema : ISchemaContributor
{
    private const string CommunityDescription = "The community (its id) whose grant to your organisation holds credentials:read.";

    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookEndpointType>>>>("partnerWebhookEndpoints")
            .Description("Your organisation's webhook endpoints in a community.")
            .Authorize(AccessRules.PartnerOrganisations)
            .Argument<NonNullGraphType<IdGraphType>>("community", CommunityDescription)
            .ResolveAsync(async ctx =>
            {
                var community = ctx.GrantingCommunity("community", PartnerScopes.ReadCredentials);
                var partnerId = ctx.Caller().SubjectId;
                return (await ctx.Grains().GetGrain<IWebhookEndpointsGrain>(community).ListAsync()).Where(e => e.PartnerId == partnerId).ToList();
            });

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<RegisteredWebhookEndpointType>>("registerPartnerWebhookEndpoint")
            .Description($"Registers an endpoint of your organisation that receives, signed with HMAC-SHA256, the credential events of credentials shared with it in the community ({string.Join(", ", PartnerEventRule.Types)}; all of them when eventTypes is left out). The secret is shown once.")
            .Authorize(AccessRules.PartnerOrganisations)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("community", CommunityDescription)
            .Argument<NonNullGraphType<RegisterWebhookEndpointInputType>>("input", "The endpoint's HTTPS URL, a description and the event types it receives.")
            .ResolveAsync(async ctx =>
            {
                var community = ctx.GrantingCommunity("community", PartnerScopes.ReadCredentials);
                var input = ctx.GetArgument<RegisterWebhookEndpointInput>("input");
                return await ctx.Grains().GetGrain<IWebhookEndpointsGrain>(community)
                    .RegisterAsync(new RegisterWebhookEndpoint(input.Url, input.Description, input.Secret, input.EventTypes, ctx.Caller().SubjectId), ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("removePartnerWebhookEndpoint")
            .Description("Removes one of your organisation's endpoints in a community; deliveries still queued for it are dropped.")
            .Authorize(AccessRules.PartnerOrganisations)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("community", CommunityDescription)
            .Argument<NonNullGraphType<IdGraphType>>("id", "The endpoint (whk_…).")
            .ResolveAsync(async ctx =>
            {
                var community = ctx.GrantingCommunity("community", PartnerScopes.ReadCredentials);
                var id = EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.WebhookEndpoint, "id");
                await ctx.Grains().GetGrain<IWebhookEndpointsGrain>(community).RemoveAsync(id, ctx.Caller().Actor, ctx.Caller().SubjectId);
                return true;
            });
    }
}
