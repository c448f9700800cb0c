namespace CertGrid.Abstractions.OAuth;

/// <summary>
/// A learner's consent to an OAuth 2.0 client (one authorization of the authorization server): which client, for
/// which scopes, when, with which of the learner's CertGrid keys, and when the client last called the API with it.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.oauth-client-grant")]
public sealed record ClientGrant(
    [property: Id(0)] string AuthorizationId,
    [property: Id(1)] string ClientId,
    [property: Id(2)] string ClientName,
    [property: Id(3)] IReadOnlyList<string> Scopes,
    [property: Id(4)] DateTimeOffset GrantedAt,
    [property: Id(5)] DateTimeOffset? LastUsedAt,
    [property: Id(6)] string KeyId);
