using CertGrid.Domain.Audit;

namespace CertGrid.Grains.Renewals;

/// <summary>The holder's erasure reaching the renewal of one of their credentials.</summary>
public sealed partial class RenewalGrain
{
    public async Task EraseHolderAsync()
    {
        if (!RecordExists || (State.Closed && State.Evidence is null && State.ScheduledDay is null))
        {
            return;
        }

        // The credential is revoked by the same erasure: nothing more is due, reminded or scheduled for it.
        var previousDay = State.ScheduledDay;
        State.Closed = true;
        State.Evidence = null;
        State.ScheduledDay = null;
        await SaveAsync(AuditEvent(Actors.System, "renewal.closed", Key.Id, new { reason = "the holder was erased" }));
        await ForgetDeadlineAsync(previousDay);
    }
}
