using Azure.Data.Tables;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Scheduling;
using CertGrid.Testing;

namespace CertGrid.Grains.Tests.Scheduling;

/// <summary>A community's deadlines are rows of their own: a change writes a few small rows however many there are, and a sweep reads what is due.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class DeadlineBucketTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Hundreds_of_deadlines_are_rows_of_a_few_hundred_bytes_swept_when_due_again_when_unanswered_and_gone_once_cancelled()
    {
        var community = GrainClusterFixture.NewCommunity();
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(community);
        var start = fixture.Cluster.Clock.GetUtcNow();
        var deadlines = Enumerable.Range(0, 300)
            .Select(i => new ScheduledDeadline(DeadlineKind.EmptySeat, new ScopedKey(community, EntityId.New(IdPrefixes.Attempt)).ToString(), "empty-seat", start.AddHours(1 + (i % 3))))
            .ToList();
        foreach (var deadline in deadlines)
        {
            await bucket.ScheduleAsync(deadline);
        }

        await bucket.ScheduleAsync(deadlines[0]);
        var status = await bucket.GetStatusAsync();
        Assert.Equal((300, 0, true), (status.Scheduled, status.Dispatched, status.ReminderActive));
        Assert.Equal(start.AddHours(1), status.NextDueAt);
        Assert.Null(await StoredGrainState.RowAsync(fixture.Cluster, "deadlines", bucket.GetGrainId()));
        var rows = await RowsAsync(community);
        Assert.Equal(2 * 300 + 1, rows.Count);
        Assert.True(rows.Max(TableEntitySize.Of) < 1024, $"the largest deadline row is {rows.Max(TableEntitySize.Of)} bytes");

        Assert.Equal(0, await bucket.SweepAsync());
        fixture.Cluster.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(100, await bucket.SweepAsync());
        Assert.Equal(0, await bucket.SweepAsync());
        Assert.Equal(100, (await bucket.GetStatusAsync()).Dispatched);
        fixture.Cluster.Clock.Advance(DeadlineBucketGrain.RedispatchAfter);
        Assert.Equal(100, await bucket.SweepAsync()); // nobody answered: dispatched again

        // Moving a dispatched deadline makes it wait for its new time.
        await bucket.ScheduleAsync(deadlines[0] with { DueAt = fixture.Cluster.Clock.GetUtcNow().AddDays(1) });
        Assert.Equal((300, 99), await CountsAsync(bucket));

        foreach (var deadline in deadlines)
        {
            await bucket.CancelAsync(deadline.Kind, deadline.Target, deadline.Token);
        }

        await bucket.CancelAsync(deadlines[0].Kind, deadlines[0].Target, deadlines[0].Token);
        status = await bucket.GetStatusAsync();
        Assert.Equal((0, 0, false, null), (status.Scheduled, status.Dispatched, status.ReminderActive, status.NextDueAt));
        Assert.Single(await RowsAsync(community)); // the count
    }

    [Fact]
    public async Task A_sync_schedules_moves_and_cancels_many_deadlines_at_once_and_the_last_word_on_each_wins()
    {
        var community = GrainClusterFixture.NewCommunity();
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(community);
        var start = fixture.Cluster.Clock.GetUtcNow();
        var target = new ScopedKey(community, EntityId.New(IdPrefixes.Attempt)).ToString();
        ScheduledDeadline Review(int i, int hours) => new(DeadlineKind.ReviewDue, target, $"evl_{i}", start.AddHours(hours));
        CancelledDeadline Cancelled(int i) => new(DeadlineKind.ReviewDue, target, $"evl_{i}");

        // 40 deadlines (more than one table batch holds); evl_0 twice (the later time wins); evl_39 scheduled and cancelled.
        await bucket.SyncAsync([.. Enumerable.Range(0, 40).Select(i => Review(i, 2)), Review(0, 5)], [Cancelled(39)]);
        Assert.Equal((39, 0), await CountsAsync(bucket));
        Assert.Equal(2 * 39 + 1, (await RowsAsync(community)).Count);
        Assert.Equal(start.AddHours(2), (await bucket.GetStatusAsync()).NextDueAt);

        // Again (an effect applied twice) changes nothing; then move two, cancel 30 and one never scheduled.
        await bucket.SyncAsync([.. Enumerable.Range(0, 40).Select(i => Review(i, 2)), Review(0, 5)], [Cancelled(39)]);
        Assert.Equal((39, 0), await CountsAsync(bucket));
        await bucket.SyncAsync([Review(1, 1), Review(2, 7)], [.. Enumerable.Range(3, 30).Select(Cancelled), Cancelled(99)]);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal((9, 0), await CountsAsync(bucket));
        Assert.Equal(2 * 9 + 1, (await RowsAsync(community)).Count);
        Assert.Equal(start.AddHours(1), (await bucket.GetStatusAsync()).NextDueAt);

        fixture.Cluster.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(7, await bucket.SweepAsync()); // evl_1 (1 h) and evl_33..38 (2 h); evl_0 (5 h) and evl_2 (7 h) wait
        fixture.Cluster.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(2 + 7, await bucket.SweepAsync()); // evl_0 and evl_2, and the seven again (unanswered)
    }

    [Fact]
    public async Task Syncs_sent_together_apply_in_their_order_and_the_syncs_of_many_grains_in_flight_all_land()
    {
        var community = GrainClusterFixture.NewCommunity();
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(community);
        var start = fixture.Cluster.Clock.GetUtcNow();
        var first = new ScopedKey(community, EntityId.New(IdPrefixes.Attempt)).ToString();
        var second = new ScopedKey(community, EntityId.New(IdPrefixes.Attempt)).ToString();
        ScheduledDeadline Review(string target, string evaluator, int hours) => new(DeadlineKind.ReviewDue, target, evaluator, start.AddHours(hours));

        // The first grain schedules two, cancels one, then schedules it again later; the second grain's cancel of a deadline it never had changes nothing.
        await bucket.SyncAllAsync(
        [
            new DeadlineSync([Review(first, "evl_1", 2), Review(first, "evl_2", 3)], []),
            new DeadlineSync([Review(second, "evl_1", 4)], [new CancelledDeadline(DeadlineKind.ReviewDue, first, "evl_1"), new CancelledDeadline(DeadlineKind.ReviewDue, second, "evl_9")]),
            new DeadlineSync([Review(first, "evl_1", 6)], []),
            new DeadlineSync([Review(second, "evl_3", 1)], [new CancelledDeadline(DeadlineKind.ReviewDue, second, "evl_3")]),
        ]);
        Assert.Equal((3, 0), await CountsAsync(bucket));
        Assert.Equal(start.AddHours(3), (await bucket.GetStatusAsync()).NextDueAt);
        fixture.Cluster.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(2, await bucket.SweepAsync()); // evl_2 of the first (3 h) and evl_1 of the second (4 h); evl_1 of the first moved to 6 h

        // 60 grains' syncs at once through the silo's batching: every one is stored, then every one cancelled.
        var syncs = new DeadlineSyncs(fixture.Grains);
        var targets = Enumerable.Range(0, 60).Select(_ => new ScopedKey(community, EntityId.New(IdPrefixes.Attempt)).ToString()).ToList();
        await Task.WhenAll(targets.Select(t => syncs.SyncAsync(community, new DeadlineSync([Review(t, "evl_1", 24), Review(t, "remind:evl_1", 20)], []))));
        Assert.Equal((3 + 120, 2), await CountsAsync(bucket));
        await Task.WhenAll(targets.Select(t => syncs.SyncAsync(community, new DeadlineSync([],
            [new CancelledDeadline(DeadlineKind.ReviewDue, t, "evl_1"), new CancelledDeadline(DeadlineKind.ReviewDue, t, "remind:evl_1")]))));
        Assert.Equal((3, 2), await CountsAsync(bucket));
    }

    [Fact]
    public async Task Deadlines_a_bucket_kept_in_its_state_before_are_moved_into_rows_with_their_dispatches()
    {
        var community = GrainClusterFixture.NewCommunity();
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(community);
        var now = fixture.Cluster.Clock.GetUtcNow();
        ScheduledDeadline Deadline(int hours) => new(DeadlineKind.EmptySeat, new ScopedKey(community, EntityId.New(IdPrefixes.Attempt)).ToString(), "empty-seat", now.AddHours(hours));
        await StoredGrainState.WriteAsync(fixture.Cluster, "deadlines", bucket.GetGrainId(), new DeadlineBucketState
        {
            Entries =
            [
                new DeadlineEntry { Deadline = Deadline(-1), DispatchedAt = now.AddMinutes(-5) },
                new DeadlineEntry { Deadline = Deadline(2) },
                new DeadlineEntry { Deadline = Deadline(3) },
            ],
        });

        Assert.Equal((3, 1), await CountsAsync(bucket));
        Assert.Equal(0, await bucket.SweepAsync()); // the dispatched one waits out its redispatch delay
        fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await bucket.SweepAsync());
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal((3, 1), await CountsAsync(bucket)); // moved once, not again on the next activation
    }

    private static async Task<(int Scheduled, int Dispatched)> CountsAsync(IDeadlineBucketGrain bucket)
    {
        var status = await bucket.GetStatusAsync();
        return (status.Scheduled, status.Dispatched);
    }

    private async Task<List<TableEntity>> RowsAsync(string community)
    {
        var table = fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.DeadlinesTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {community}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
