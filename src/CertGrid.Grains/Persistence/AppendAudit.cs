using CertGrid.Abstractions.Audit;
using CertGrid.Domain.Audit;

namespace CertGrid.Grains.Persistence;

/// <summary>Appends a change's audit events to the community's chain, which records each event id once.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.append-audit")]
public sealed record AppendAudit([property: Id(0)] IReadOnlyList<AuditEvent> Events) : Effect
{
    public override string Receiver => "audit";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.GetGrain<IAuditLogGrain>(context.Community).AppendAsync(Events);
}
