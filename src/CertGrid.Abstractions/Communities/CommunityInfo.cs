namespace CertGrid.Abstractions.Communities;

/// <summary>A community as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.community-info")]
public sealed record CommunityInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] string? Url,
    [property: Id(4)] string? Email,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string DefaultLanguage = "en");
