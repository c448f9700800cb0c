using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Communities;

[GenerateSerializer, Alias("certgrid.state.community")]
public sealed class CommunityState : DurableState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string? Description { get; set; }
    [Id(2)] public string? Url { get; set; }
    [Id(3)] public string? Email { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The id of the first admin key; it is issued right after the community is stored.</summary>
    [Id(5)] public string InitialAdminKeyId { get; set; } = string.Empty;

    [Id(6)] public bool InitialAdminKeyIssued { get; set; }
    [Id(7)] public string? ImageUrl { get; set; }

    /// <summary>The language the community's content is written in (null: English).</summary>
    [Id(8)] public string? DefaultLanguage { get; set; }
}
