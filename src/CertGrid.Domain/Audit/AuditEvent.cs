namespace CertGrid.Domain.Audit;

/// <summary>
/// Something that happened and must be recorded: who did what to which subject, and why.
/// <see cref="EventId"/> is chosen by the producer and makes appending idempotent: the same event appended
/// twice (after a retry or a restart) lands once.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.audit-event")]
public sealed record AuditEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Subject,
    [property: Id(5)] string Details);
