namespace CertGrid.Domain.Credentials;

/// <summary>What verification reports about a credential once it knows which one it is.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.credential-facts")]
public sealed record CredentialFacts(
    [property: Id(0)] string CredentialUrl,
    [property: Id(1)] string IssuerName,
    [property: Id(2)] string HolderName,
    [property: Id(3)] string AchievementName,
    [property: Id(4)] DateTimeOffset ValidFrom,
    [property: Id(5)] DateTimeOffset? ValidUntil);
