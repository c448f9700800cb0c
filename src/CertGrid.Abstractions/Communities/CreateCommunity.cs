namespace CertGrid.Abstractions.Communities;

/// <summary>What the platform operator provides to open a community; the admin key comes back once.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.create-community")]
public sealed record CreateCommunity(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Url,
    [property: Id(3)] string? Email);

/// <summary>The new community and its first admin key (shown once, never stored in clear).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.community-created")]
public sealed record CommunityCreated(
    [property: Id(0)] CommunityInfo Community,
    [property: Id(1)] string AdminKey);
