using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Audit;

namespace CertGrid.Abstractions.Audit;

/// <summary>Reads a community's audit log from storage: pages, and a full recomputation of the chain. Key: the community id.</summary>
public interface IAuditLogReaderGrain : IGrainWithStringKey
{
    Task<Page<AuditEntry>> ListAsync(PageRequest page);

    Task<ChainVerification> VerifyAsync();
}
