namespace CertGrid.Abstractions.Notices;

/// <summary>
/// A community's webhook endpoints and their signing secrets (stored encrypted; shown once, when registered).
/// Key: the community id.
/// </summary>
public interface IWebhookEndpointsGrain : IGrainWithStringKey
{
    /// <summary>Registers an endpoint with the given secret, or a generated one. POLICY_VIOLATION beyond the limit.</summary>
    Task<RegisteredWebhookEndpoint> RegisterAsync(RegisterWebhookEndpoint command, string actor);

    /// <summary>
    /// Removes an endpoint; deliveries still queued for it are dropped. NOT_FOUND if unknown, or when
    /// <paramref name="partnerId"/> is given and the endpoint is not that partner's.
    /// </summary>
    Task RemoveAsync(string endpointId, string actor, string? partnerId = null);

    [ReadOnly]
    Task<IReadOnlyList<WebhookEndpoint>> ListAsync();

    /// <summary>Whether the community has any endpoint (a community without one needs no webhook outbox).</summary>
    [ReadOnly, AlwaysInterleave]
    Task<bool> HasEndpointsAsync();

    /// <summary>Endpoints with their secrets, for the dispatcher only.</summary>
    [ReadOnly]
    Task<IReadOnlyList<WebhookTarget>> GetTargetsAsync();
}

[GenerateSerializer, Immutable, Alias("certgrid.register-webhook-endpoint")]
public sealed record RegisterWebhookEndpoint(
    [property: Id(0)] string Url,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Secret,
    [property: Id(3)] IReadOnlyList<string>? EventTypes = null,
    [property: Id(4)] string? PartnerId = null);

[GenerateSerializer, Immutable, Alias("certgrid.webhook-endpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string? Description,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] IReadOnlyList<string>? EventTypes = null,
    [property: Id(5)] string? PartnerId = null);

/// <summary>A registered endpoint and its secret; the only time the secret is shown.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.registered-webhook-endpoint")]
public sealed record RegisteredWebhookEndpoint(
    [property: Id(0)] WebhookEndpoint Endpoint,
    [property: Id(1)] string Secret);

[GenerateSerializer, Immutable, Alias("certgrid.webhook-target")]
public sealed record WebhookTarget(
    [property: Id(0)] string EndpointId,
    [property: Id(1)] string Url,
    [property: Id(2)] string Secret,
    [property: Id(3)] IReadOnlyList<string>? EventTypes = null,
    [property: Id(4)] string? PartnerId = null);
