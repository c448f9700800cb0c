using CertGrid.Abstractions.Audit;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Partners;

/// <summary>
/// Appends a platform-level grain's audit events to one community's chain: a partner grant is a decision of that
/// community's admin and belongs in its log. The chain records each event id once.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.append-community-audit")]
public sealed record AppendCommunityAudit([property: Id(0)] string Community, [property: Id(1)] IReadOnlyList<AuditEvent> Events) : Effect
{
    public override string Receiver => $"audit:{Community}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.GetGrain<IAuditLogGrain>(Community).AppendAsync(Events);
}
