using CertGrid.Grains.Storage;

namespace CertGrid.Grains.DirectAwards;

/// <summary>An award webhook delivery accepted: partition the community, row key the delivery id. Holds no personal data.</summary>
public sealed class AwardHookDeliveryRow : ReadModelRow
{
    /// <summary>After this the row is only kept until pruned: a replay of it would have a stale timestamp.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public string CredentialId { get; set; } = string.Empty;
}
