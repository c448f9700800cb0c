namespace CertGrid.Abstractions.Consents.PublicLinks;

/// <summary>A learner's public link to one of their credentials: anyone with the URL sees the credential's page until it is revoked.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.public-link")]
public sealed record PublicLink(
    [property: Id(0)] string Id,
    [property: Id(1)] string CredentialId,
    [property: Id(2)] string Token,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>What a public link opens: the credential and whose it is.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.public-link-target")]
public sealed record PublicLinkTarget(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string CredentialId);
