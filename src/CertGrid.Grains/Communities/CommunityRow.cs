using CertGrid.Abstractions.Communities;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Communities;

/// <summary>A community in the platform-wide communities read model (partition <see cref="Partition"/>).</summary>
public sealed class CommunityRow : ReadModelRow
{
    public const string Partition = "communities";

    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static CommunityRow From(CommunityInfo info) => new()
    {
        PartitionKey = Partition,
        RowKey = info.Id,
        Name = info.Name,
        Description = info.Description,
        Url = info.Url,
        Email = info.Email,
        CreatedAt = info.CreatedAt,
    };

    public CommunityInfo ToInfo() => new(RowKey, Name, Description, Url, Email, CreatedAt);
}
