using CertGrid.Domain.Access;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Access;

[GenerateSerializer, Alias("certgrid.state.api-key")]
public sealed class ApiKeyState : DurableState
{
    [Id(0)] public Role Role { get; set; }
    [Id(1)] public string? SubjectId { get; set; }
    [Id(2)] public List<string> Scopes { get; set; } = [];
    [Id(3)] public string Label { get; set; } = string.Empty;
    [Id(4)] public string SecretHash { get; set; } = string.Empty;
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public DateTimeOffset? RevokedAt { get; set; }
    [Id(7)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(8)] public DateTimeOffset? LastUsedAt { get; set; }
    [Id(9)] public string? RotatedTo { get; set; }
    [Id(10)] public string? RotatedFrom { get; set; }
}
