using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Scheduling;

/// <summary>
/// Brings the community's deadline bucket in line with what a grain now waits for: schedules its new deadlines and
/// cancels those it no longer needs, in one write of the bucket (shared with the syncs of other grains in flight at
/// the same time, <see cref="DeadlineSyncs"/>). Both are idempotent in the bucket, and the grain's
/// effects to the bucket keep their order, so a deadline scheduled and later cancelled ends up cancelled.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.sync-deadlines")]
public sealed record SyncDeadlines(
    [property: Id(0)] IReadOnlyList<ScheduledDeadline> Schedule,
    [property: Id(1)] IReadOnlyList<CancelledDeadline> Cancel) : Effect
{
    public override string Receiver => "deadline-bucket";

    public override Task ApplyAsync(EffectContext context) =>
        context.Services.GetRequiredService<DeadlineSyncs>().SyncAsync(context.Community, new DeadlineSync(Schedule, Cancel));
}
