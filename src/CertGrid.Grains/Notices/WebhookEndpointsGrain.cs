using CertGrid.Abstractions.Notices;
using CertGrid.Domain.Events;
using CertGrid.Domain.Notices;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Notices;

/// <summary>
/// A community's webhook endpoints, its admins' and those partner organisations registered within their grant (which
/// receive credential events only, filtered by learners' consents when they are queued). Secrets are encrypted with ASP.NET Core Data Protection at rest, returned
/// once when registered, and otherwise only handed to the dispatcher to sign deliveries.
/// </summary>
public sealed class WebhookEndpointsGrain(
    [PersistentState("webhook-endpoints", StorageNames.GrainStore)] IPersistentState<WebhookEndpointsState> state,
    IDataProtectionProvider dataProtection,
    IOptions<WebhookOptions> options)
    : DurableGrain<WebhookEndpointsState>(state), IWebhookEndpointsGrain
{
    /// <summary>The Data Protection purpose of endpoint secrets; changing it makes every stored secret unreadable.</summary>
    public const string ProtectionPurpose = "CertGrid.Notices.WebhookSecrets.v1";

    /// <summary>The most endpoints one partner organisation registers in a community.</summary>
    public const int MaxEndpointsPerPartner = 5;

    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectionPurpose);

    protected override string Community => this.GetPrimaryKeyString();

    public async Task<RegisteredWebhookEndpoint> RegisterAsync(RegisterWebhookEndpoint command, string actor)
    {
        var url = WebhookEndpointRules.RequireUrl(command.Url, allowHttp: !options.Value.RequireHttps, allowPrivateNetworks: options.Value.AllowPrivateNetworks);
        var description = InputRules.OptionalText(command.Description, "input.description", 500);
        var secret = WebhookEndpointRules.SecretOrNew(command.Secret);
        var eventTypes = command.PartnerId is null
            ? EventTypeFilter.Require(command.EventTypes, WebhookEventTypes.All, "input.eventTypes")
            : PartnerEventRule.RequireKnown(command.EventTypes, "input.eventTypes");
        if (State.Endpoints.Count >= WebhookEndpointRules.MaxEndpointsPerCommunity)
        {
            throw CertGridException.Policy($"A community can have at most {WebhookEndpointRules.MaxEndpointsPerCommunity} webhook endpoints; remove one first.");
        }

        if (command.PartnerId is { } partner && State.Endpoints.Count(e => e.PartnerId == partner) >= MaxEndpointsPerPartner)
        {
            throw CertGridException.Policy($"A partner organisation can have at most {MaxEndpointsPerPartner} webhook endpoints in a community; remove one first.");
        }

        var stored = new StoredWebhookEndpoint(EntityId.New(IdPrefixes.WebhookEndpoint), url.ToString(), description, _protector.Protect(secret), Now,
            eventTypes is null ? null : WebhookEventTypes.All.Where(eventTypes.Contains).ToList(), command.PartnerId);
        State.Endpoints.Add(stored);
        return await SaveAnsweringAsync(new RegisteredWebhookEndpoint(ToEndpoint(stored), secret), AuditEvent(actor, "webhook.registered", stored.Id, new { stored.Url, description, stored.EventTypes, stored.PartnerId }));
    }

    public async Task RemoveAsync(string endpointId, string actor, string? partnerId = null)
    {
        var index = State.Endpoints.FindIndex(e => e.Id == endpointId && (partnerId is null || e.PartnerId == partnerId));
        if (index < 0)
        {
            throw CertGridException.NotFound("Webhook endpoint", endpointId);
        }

        var removed = State.Endpoints[index];
        State.Endpoints.RemoveAt(index);
        await SaveAsync(AuditEvent(actor, "webhook.removed", endpointId, new { removed.Url }));
    }

    public Task<IReadOnlyList<WebhookEndpoint>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WebhookEndpoint>>(State.Endpoints.Select(ToEndpoint).ToList());

    public Task<bool> HasEndpointsAsync() => Task.FromResult(State.Endpoints.Count > 0);

    public Task<IReadOnlyList<WebhookTarget>> GetTargetsAsync() =>
        Task.FromResult<IReadOnlyList<WebhookTarget>>(State.Endpoints.Select(e => new WebhookTarget(e.Id, e.Url, _protector.Unprotect(e.ProtectedSecret), e.EventTypes, e.PartnerId)).ToList());

    private static WebhookEndpoint ToEndpoint(StoredWebhookEndpoint e) => new(e.Id, e.Url, e.Description, e.CreatedAt, e.EventTypes, e.PartnerId);
}
