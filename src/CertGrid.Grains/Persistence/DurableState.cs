using CertGrid.Domain.Audit;
using CertGrid.Domain.Retries;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Base of every persisted grain state: besides the grain's own data, the effects its changes caused that are not
/// applied yet (an outbox, stored in the same write as the change that caused them; see <see cref="Effect"/>).
/// </summary>
[GenerateSerializer]
public abstract class DurableState
{
    /// <summary>
    /// Audit events of a state stored before effects existed (they were delivered from here); on activation they
    /// become an <see cref="AppendAudit"/> effect, so none is lost. Never written to any more.
    /// </summary>
    [Id(0)]
    public List<AuditEvent> LegacyPendingAudit { get; set; } = [];

    /// <summary>Effects caused by stored changes and not applied yet, in the order they were caused.</summary>
    [Id(1)]
    public List<PendingEffect> Effects { get; set; } = [];

    /// <summary>How many effects this grain has caused; numbers the next one.</summary>
    [Id(2)]
    public long EffectsCaused { get; set; }

    /// <summary>Operations of retried mutations this grain applied, with their answers (see <see cref="AppliedOperations"/>).</summary>
    [Id(3)]
    public List<AppliedOperation> Operations { get; set; } = [];

    /// <summary>
    /// Names this stored record (set by its first write, new again once it is deleted and written afresh, which numbers
    /// effects from the start again), so that how far its effects were applied (<see cref="AppliedEffectsRow"/>) is
    /// never read against another record's numbers. Null: not written since this was kept.
    /// </summary>
    [Id(4)]
    public string? Incarnation { get; set; }
}
