using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Scheduling;

/// <summary>
/// Brings the community's deadline bucket in line with what a grain now waits for: schedules its new deadlines and
/// cancels those it no longer needs. Both are idempotent in the bucket, and the grain's effects to the bucket keep
/// their order, so a deadline scheduled and later cancelled ends up cancelled.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.sync-deadlines")]
public sealed record SyncDeadlines(
    [property: Id(0)] IReadOnlyList<ScheduledDeadline> Schedule,
    [property: Id(1)] IReadOnlyList<CancelledDeadline> Cancel) : Effect
{
    public override string Receiver => "deadline-bucket";

    public override async Task ApplyAsync(EffectContext context)
    {
        var bucket = context.Grains.GetGrain<IDeadlineBucketGrain>(context.Community);
        foreach (var deadline in Schedule)
        {
            await bucket.ScheduleAsync(deadline);
        }

        foreach (var deadline in Cancel)
        {
            await bucket.CancelAsync(deadline.Kind, deadline.Target, deadline.Token);
        }
    }
}

/// <summary>Which deadline to cancel: a bucket entry is known by its kind, target and token.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.cancelled-deadline")]
public sealed record CancelledDeadline([property: Id(0)] DeadlineKind Kind, [property: Id(1)] string Target, [property: Id(2)] string Token);
