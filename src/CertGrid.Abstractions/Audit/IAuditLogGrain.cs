using CertGrid.Domain.Audit;

namespace CertGrid.Abstractions.Audit;

/// <summary>
/// The single writer of a community's audit chain. Appends are idempotent by event id and acknowledged only
/// once the entry is stored. Key: the community id.
/// </summary>
public interface IAuditLogGrain : IGrainWithStringKey
{
    Task AppendAsync(IReadOnlyList<AuditEvent> events);
}
