using CertGrid.Domain.Consents;
using CertGrid.Domain.Events;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Consents;

/// <summary>
/// What one learner shares with partners right now (partition = community, row = learner id): the pairs of partner and
/// credential of their active "shared with partner" consents, ids only. Rewritten by the learner's consent grain with
/// every change and removed when nothing is shared (or the learner is erased), before the change's call returns.
/// </summary>
public sealed class ConsentSharesRow : ReadModelRow
{
    public string Shares { get; set; } = string.Empty;

    public ConsentShares ToShares() => ConsentShares.Parse(RowKey, Shares);

    /// <summary>The row for these consent records, or null when none of them is an active share.</summary>
    public static ConsentSharesRow? From(string community, string learnerId, IEnumerable<ConsentRecord> records)
    {
        var pairs = records
            .Where(r => r.Kind == ConsentKind.SharedWithPartner && r.IsActive && r.PartnerId is not null && r.CredentialId is not null)
            .Select(r => (r.PartnerId!, r.CredentialId!))
            .Distinct()
            .ToList();
        return pairs.Count == 0 ? null : new ConsentSharesRow { PartitionKey = community, RowKey = learnerId, Shares = new ConsentShares(learnerId, pairs).Serialize() };
    }
}
