using CertGrid.Domain.Partners;

namespace CertGrid.Abstractions.Partners;

/// <summary>What the operator registers about a partner organisation.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.register-partner")]
public sealed record RegisterPartner(
    [property: Id(0)] string Name,
    [property: Id(1)] string Website,
    [property: Id(2)] string VerifiedDomain,
    [property: Id(3)] string ContactEmail,
    [property: Id(4)] string Purpose);

/// <summary>A registered partner organisation, platform-wide (not inside any community).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.partner-profile")]
public sealed record PartnerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Website,
    [property: Id(3)] string VerifiedDomain,
    [property: Id(4)] string ContactEmail,
    [property: Id(5)] string Purpose,
    [property: Id(6)] DateTimeOffset RegisteredAt);

/// <summary>A partner key as the partner and the operator see it: never the secret, never its hash.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.partner-key-info")]
public sealed record PartnerKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Label,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] DateTimeOffset? RevokedAt);

/// <summary>A newly issued partner key: <see cref="Token"/> is shown this once.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.issued-partner-key")]
public sealed record IssuedPartnerKey(
    [property: Id(0)] PartnerKeyInfo Info,
    [property: Id(1)] string Token);

/// <summary>
/// What authenticating a partner key needs, read at every request (never cached on a gateway, so a revoked key or
/// grant is refused on the next request everywhere): the key's hash and validity, and the partner's grants.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.partner-key-check")]
public sealed record PartnerKeyCheck(
    [property: Id(0)] string PartnerId,
    [property: Id(1)] string PartnerName,
    [property: Id(2)] string SecretHash,
    [property: Id(3)] bool Usable,
    [property: Id(4)] IReadOnlyList<PartnerGrant> Grants);
