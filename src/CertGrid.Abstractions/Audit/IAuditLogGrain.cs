using CertGrid.Domain.Audit;

namespace CertGrid.Abstractions.Audit;

/// <summary>
/// The single writer of a community's audit chain. Appends are idempotent by event id and acknowledged only
/// once the entry is stored. Key: the community id.
/// </summary>
public interface IAuditLogGrain : IGrainWithStringKey
{
    /// <summary>Interleaves, so that appends arriving while a batch is stored share the next batch.</summary>
    [AlwaysInterleave]
    Task AppendAsync(IReadOnlyList<AuditEvent> events);

    /// <summary>
    /// Erases the details (and commitment salt) of every entry whose actor, subject or details mention one of the given ids;
    /// the entries, their commitments and hashes stay, so the chain still verifies. Idempotent. Returns how many were erased now.
    /// </summary>
    Task<int> ErasePayloadsAsync(IReadOnlyCollection<string> mentions);
}
