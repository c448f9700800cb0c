namespace CertGrid.Domain.Consents;

/// <summary>
/// One consent a learner gave, as a versioned record: what it covers, the text they agreed to, when, and when they
/// withdrew it. Records are never changed except to set <see cref="WithdrawnAt"/>; changing a consent withdraws the
/// old record and adds a new version.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.consent-record")]
public sealed record ConsentRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] int Version,
    [property: Id(2)] ConsentKind Kind,
    [property: Id(3)] string? CredentialId,
    [property: Id(4)] string? PartnerId,
    [property: Id(5)] DiscoverableTerms? Terms,
    [property: Id(6)] string Text,
    [property: Id(7)] DateTimeOffset AgreedAt,
    [property: Id(8)] DateTimeOffset? WithdrawnAt = null)
{
    public bool IsActive => WithdrawnAt is null;
}
