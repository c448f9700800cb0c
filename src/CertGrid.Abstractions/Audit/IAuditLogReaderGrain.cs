using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Audit;

namespace CertGrid.Abstractions.Audit;

/// <summary>Reads a community's audit log from storage: pages, and a full recomputation of the chain. Key: the community id.</summary>
public interface IAuditLogReaderGrain : IGrainWithStringKey
{
    Task<Page<AuditEntry>> ListAsync(PageRequest page);

    Task<ChainVerification> VerifyAsync();

    /// <summary>Up to <paramref name="count"/> (at most 1000) entries after a sequence number, in order: the export reads the log with this.</summary>
    Task<IReadOnlyList<AuditEntry>> ExportAsync(long afterSequence, int count);
}
