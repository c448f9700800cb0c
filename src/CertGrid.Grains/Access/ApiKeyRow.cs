using CertGrid.Abstractions.Access;
using CertGrid.Domain.Access;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Access;

/// <summary>An API key in the community's keys read model (never the secret hash).</summary>
public sealed class ApiKeyRow : ReadModelRow
{
    public string Role { get; set; } = string.Empty;
    public string? SubjectId { get; set; }
    public string Scopes { get; set; } = string.Empty;
    public string Label { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public string? RotatedTo { get; set; }

    public static ApiKeyRow From(string community, ApiKeyInfo info) => new()
    {
        PartitionKey = community,
        RowKey = info.KeyId,
        Role = info.Role.ToString(),
        SubjectId = info.SubjectId,
        Scopes = string.Join(' ', info.Scopes),
        Label = info.Label,
        CreatedAt = info.CreatedAt,
        RevokedAt = info.RevokedAt,
        ExpiresAt = info.ExpiresAt,
        LastUsedAt = info.LastUsedAt,
        RotatedTo = info.RotatedTo,
    };

    public ApiKeyInfo ToInfo() => new(
        RowKey, Enum.Parse<Role>(Role), SubjectId, Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), Label, CreatedAt, RevokedAt, ExpiresAt, LastUsedAt, RotatedTo);
}
