namespace CertGrid.Abstractions.Communities;

/// <summary>What the platform operator provides to open a community; the admin key comes back once.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.create-community")]
public sealed record CreateCommunity(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Url,
    [property: Id(3)] string? Email);

/// <summary>A community admin's change to the issuer profile published in the community's credentials.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.update-community-profile")]
public sealed record UpdateCommunityProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Url,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? ImageUrl);

/// <summary>The new community and its first admin key (shown once, never stored in clear).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.community-created")]
public sealed record CommunityCreated(
    [property: Id(0)] CommunityInfo Community,
    [property: Id(1)] string AdminKey);
