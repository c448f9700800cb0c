using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Notices;

[GenerateSerializer, Alias("certgrid.state.webhook-endpoints")]
public sealed class WebhookEndpointsState : DurableState
{
    [Id(0)] public List<StoredWebhookEndpoint> Endpoints { get; set; } = [];
}

/// <summary>An endpoint as stored: its secret encrypted with Data Protection; a partner organisation's endpoint names the partner.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.stored-webhook-endpoint")]
public sealed record StoredWebhookEndpoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string? Description,
    [property: Id(3)] string ProtectedSecret,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] IReadOnlyList<string>? EventTypes = null,
    [property: Id(6)] string? PartnerId = null);
