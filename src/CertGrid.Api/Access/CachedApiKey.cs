using CertGrid.Domain.Access;

namespace CertGrid.Api.Access;

/// <summary>What the gateway remembers about a key id: its facts, lifetime and secret hash, or that no such key exists.</summary>
public sealed record CachedApiKey(
    bool Exists, Role Role, string? SubjectId, string[] Scopes, string SecretHash, bool Revoked,
    DateTimeOffset? ExpiresAt = null, DateTimeOffset? LastUsedAt = null)
{
    public static CachedApiKey Missing { get; } = new(false, default, null, [], string.Empty, false);
}
