namespace CertGrid.Domain.Partners;

/// <summary>
/// A community's grant to a partner organisation: which scopes, until when. A grant that expired or was revoked
/// admits nothing; a revoked grant stays on record (who granted what, and when it ended).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.partner-grant")]
public sealed record PartnerGrant(
    [property: Id(0)] string Community,
    [property: Id(1)] IReadOnlyList<string> Scopes,
    [property: Id(2)] DateTimeOffset GrantedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] string GrantedBy,
    [property: Id(5)] DateTimeOffset? RevokedAt = null)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public bool Allows(string scope, DateTimeOffset now) => IsActiveAt(now) && Scopes.Contains(scope, StringComparer.Ordinal);
}
