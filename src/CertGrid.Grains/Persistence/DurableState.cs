using CertGrid.Domain.Audit;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Base of every persisted grain state. Audit events are saved together with the change that caused them
/// (an outbox), then handed to the community's audit log; if that fails they are handed over again later,
/// and the log's idempotency makes each land exactly once.
/// </summary>
[GenerateSerializer]
public abstract class DurableState
{
    [Id(0)]
    public List<AuditEvent> PendingAudit { get; set; } = [];
}
