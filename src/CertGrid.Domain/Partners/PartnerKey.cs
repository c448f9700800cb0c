namespace CertGrid.Domain.Partners;

/// <summary>One key of a partner organisation: only its secret's hash, with an expiry; revoked keys stay on record.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.partner-key")]
public sealed record PartnerKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Label,
    [property: Id(2)] string SecretHash,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] DateTimeOffset? RevokedAt = null)
{
    /// <summary>Keys live at most this long; a rotation issues a new one before the old expires.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
