using CertGrid.Domain.Audit;
using CertGrid.Domain.Events;
using CertGrid.Grains.Events;

namespace CertGrid.Grains.Persistence;

public abstract partial class DurableGrain<TState>
{
    /// <summary>
    /// What an audited change of this grain is about, by id, for the community's event feed (see
    /// <see cref="DomainEventTypes"/>); asked only for actions that raise an event, after the change is made to
    /// <see cref="State"/>. Null (the default): the grain raises no events.
    /// </summary>
    protected virtual EventSubject? EventSubjectOf(AuditEvent audit) => null;

    /// <summary>The events a change's audit entries raise are appended to the feed as an effect of the same write.</summary>
    private void CauseEvents(AuditEvent[] audits)
    {
        var events = audits
            .Where(audit => DomainEventTypes.ForAuditAction(audit.Action) is not null)
            .Select(audit => EventSubjectOf(audit) is { } subject ? DomainEvent.Raised(audit, subject) : null)
            .OfType<DomainEvent>()
            .ToList();
        if (events.Count > 0)
        {
            Cause(new AppendToEventFeed(events));
        }
    }
}
