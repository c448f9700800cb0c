using System.Text;
using CertGrid.Abstractions.Retries;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Retries;

namespace CertGrid.Grains.Tests.Retries;

/// <summary>The stored record of an idempotency key: claimed, completed, given up, taken over, expired and swept.</summary>
public sealed class IdempotencyRecordTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly IdempotencyTerms Terms = new(TimeSpan.FromHours(24), TimeSpan.FromSeconds(30));

    private IIdempotencyRecordGrain NewRecord() =>
        fixture.Grains.IdempotencyRecord(GrainClusterFixture.NewCommunity(), "idk_" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_completed_answer_is_replayed_until_the_window_ends_then_the_key_is_free()
    {
        var record = NewRecord();
        var answer = new RecordedAnswer(200, "application/graphql-response+json", Encoding.UTF8.GetBytes("""{"data":{"enrolLearner":{"id":"lrn_1"}}}"""));

        var claim = await record.ClaimAsync("f1", safeToRunAgain: false, Terms);
        Assert.Equal((IdempotencyVerdict.Execute, false), (claim.Verdict, claim.RanBefore));
        await record.CompleteAsync(claim.ClaimId!, answer);

        var replay = await record.ClaimAsync("f1", safeToRunAgain: false, Terms);
        Assert.Equal(IdempotencyVerdict.Replay, replay.Verdict);
        Assert.Equal(answer.Body, replay.Answer!.Body);
        Assert.Equal((answer.Status, answer.ContentType), (replay.Answer.Status, replay.Answer.ContentType));
        Assert.Equal(IdempotencyVerdict.KeyReused, (await record.ClaimAsync("f2", safeToRunAgain: true, Terms)).Verdict);

        fixture.Cluster.Clock.Advance(TimeSpan.FromHours(24));
        var afterWindow = await record.ClaimAsync("f2", safeToRunAgain: false, Terms);
        Assert.Equal((IdempotencyVerdict.Execute, false), (afterWindow.Verdict, afterWindow.RanBefore));
    }

    [Fact]
    public async Task A_running_request_holds_the_key_and_a_lease_that_ran_out_counts_as_a_lost_answer()
    {
        var record = NewRecord();
        var first = await record.ClaimAsync("f1", safeToRunAgain: false, Terms);

        var meanwhile = await record.ClaimAsync("f1", safeToRunAgain: false, Terms);
        Assert.Equal(IdempotencyVerdict.InProgress, meanwhile.Verdict);
        Assert.InRange(meanwhile.RetryAfterSeconds, 1, 30);

        fixture.Cluster.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(IdempotencyVerdict.OutcomeUnknown, (await record.ClaimAsync("f1", safeToRunAgain: false, Terms)).Verdict);
        var takeover = await record.ClaimAsync("f1", safeToRunAgain: true, Terms);
        Assert.Equal((IdempotencyVerdict.Execute, true), (takeover.Verdict, takeover.RanBefore));

        // The gateway whose lease ran out answers late: it no longer holds the key, so its answer is not kept.
        await record.CompleteAsync(first.ClaimId!, new RecordedAnswer(200, "application/json", [1]));
        Assert.Equal(IdempotencyVerdict.InProgress, (await record.ClaimAsync("f1", safeToRunAgain: true, Terms)).Verdict);
    }

    [Fact]
    public async Task A_lost_answer_stays_unknown_while_a_request_that_never_ran_is_forgotten()
    {
        var lost = NewRecord();
        var claim = await lost.ClaimAsync("f1", safeToRunAgain: true, Terms);
        await lost.AbandonAsync(claim.ClaimId!, ran: true);
        Assert.Equal(IdempotencyVerdict.OutcomeUnknown, (await lost.ClaimAsync("f1", safeToRunAgain: false, Terms)).Verdict);

        // A safe retry that is then refused before running (rate limit) does not wipe out that the first run may have applied.
        var retry = await lost.ClaimAsync("f1", safeToRunAgain: true, Terms);
        await lost.AbandonAsync(retry.ClaimId!, ran: false);
        Assert.Equal(IdempotencyVerdict.OutcomeUnknown, (await lost.ClaimAsync("f1", safeToRunAgain: false, Terms)).Verdict);

        var neverRan = NewRecord();
        var refused = await neverRan.ClaimAsync("f1", safeToRunAgain: false, Terms);
        await neverRan.AbandonAsync(refused.ClaimId!, ran: false);
        Assert.Equal((IdempotencyVerdict.Execute, false), await Verdict(neverRan.ClaimAsync("f2", safeToRunAgain: false, Terms)));
    }

    [Fact]
    public async Task A_record_is_deleted_from_storage_by_its_communitys_deadline_sweep_once_its_window_has_passed()
    {
        var community = GrainClusterFixture.NewCommunity();
        var record = fixture.Grains.IdempotencyRecord(community, "idk_" + Guid.NewGuid().ToString("N"));
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(community);
        var claim = await record.ClaimAsync("f1", safeToRunAgain: false, Terms);
        await record.CompleteAsync(claim.ClaimId!, new RecordedAnswer(200, "application/json", [1, 2, 3]));
        await Settled.EffectsOfAsync(fixture.Grains, record);

        var scheduled = await bucket.GetStatusAsync();
        Assert.Equal((1, true), (scheduled.Scheduled, scheduled.ReminderActive));
        Assert.InRange(scheduled.NextDueAt!.Value, claim.ExpiresAt.AddSeconds(-1), claim.ExpiresAt.AddSeconds(1));
        Assert.Equal(0, await bucket.SweepAsync());
        Assert.True(await record.IsStoredAsync());

        fixture.Cluster.Clock.Advance(Terms.Window);
        Assert.Equal(1, await bucket.SweepAsync());
        await Eventually.HoldsAsync(() => bucket.GetStatusAsync(), status => status.Scheduled == 0, "the swept record cancels its deadline");
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.False(await record.IsStoredAsync());

        // The key is free again: a new first use stores a new record with a new expiry.
        var reuse = await record.ClaimAsync("f2", safeToRunAgain: false, Terms);
        Assert.Equal((IdempotencyVerdict.Execute, false), (reuse.Verdict, reuse.RanBefore));
        await Settled.EffectsOfAsync(fixture.Grains, record);
        Assert.InRange((await bucket.GetStatusAsync()).NextDueAt!.Value, reuse.ExpiresAt.AddSeconds(-1), reuse.ExpiresAt.AddSeconds(1));
    }

    private static async Task<(IdempotencyVerdict, bool)> Verdict(Task<IdempotencyClaim> claim)
    {
        var answered = await claim;
        return (answered.Verdict, answered.RanBefore);
    }
}
