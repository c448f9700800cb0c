using Azure.Data.Tables;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Notices;
using CertGrid.Domain.Renewals;
using CertGrid.Testing;
using Xunit.Abstractions;

namespace CertGrid.Grains.Tests.Renewals;

/// <summary>Deadlines live in day buckets; one reminder per community drives processing that catches up and never repeats itself.</summary>
[Collection(RenewalsGroup.Name)]
public sealed class DeadlineSchedulerTests(RenewalsFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Registering_is_idempotent_and_a_day_that_has_begun_takes_no_more_deadlines()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var today = DeadlineDay.Today(scenario.Clock.GetUtcNow());
        var id = EntityId.New(IdPrefixes.Credential);

        Assert.Equal(BucketAddOutcome.Added, await scenario.Bucket(today.AddDays(3)).AddAsync(id));
        Assert.Equal(BucketAddOutcome.AlreadyRegistered, await scenario.Bucket(today.AddDays(3)).AddAsync(id));
        Assert.Equal(BucketAddOutcome.DayPassed, await scenario.Bucket(today).AddAsync(EntityId.New(IdPrefixes.Credential)));
        await scenario.Bucket(today.AddDays(3)).RemoveAsync(id);
        Assert.Equal(0, (await scenario.Bucket(today.AddDays(3)).DescribeAsync()).Count);
        Assert.Contains(today.AddDays(3), (await scenario.Scheduler.GetStatusAsync()).PendingDays);
    }

    [Fact]
    public async Task A_full_page_overflows_into_the_next_and_processing_covers_every_page()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var learner = EntityId.New(IdPrefixes.Learner);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await scenario.TrackAsync(learner, TimeSpan.FromDays(100)));
        }

        var windowDay = DeadlineDay.BucketFor(scenario.Clock.GetUtcNow().AddDays(40));
        var filler = Enumerable.Range(0, 150).Select(_ => EntityId.New(IdPrefixes.Credential)).ToList();
        Assert.Equal(150, await scenario.Bucket(windowDay).AddManyAsync(filler));
        Assert.Equal((100, true), await Describe(scenario.Bucket(windowDay)));
        Assert.Equal((55, false), await Describe(scenario.Bucket(windowDay, 1)));

        var report = await scenario.SweepOnDayOfAsync(scenario.Clock.GetUtcNow().AddDays(40));

        Assert.Equal(155, report.CredentialsAdvanced);
        Assert.Equal(5, (await scenario.NoticesAsync(learner)).Count(n => n.Kind == NoticeKind.RenewalWindowOpened));
        Assert.Equal((0, false), await Describe(scenario.Bucket(windowDay)));
        Assert.Equal((0, false), await Describe(scenario.Bucket(windowDay, 1)));
    }

    [Fact]
    public async Task After_downtime_one_sweep_catches_up_every_missed_day_in_order()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy(window: 20, grace: 10, lapseAfter: 0));
        var learner = EntityId.New(IdPrefixes.Learner);
        var early = await scenario.TrackAsync(learner, TimeSpan.FromDays(30));
        scenario.Clock.Advance(TimeSpan.FromDays(3));
        var late = await scenario.TrackAsync(learner, TimeSpan.FromDays(30));

        // Nothing runs for 70 days; then one tick processes every day that had deadlines.
        scenario.Clock.Advance(TimeSpan.FromDays(70));
        var report = await scenario.Scheduler.SweepAsync();

        // Two days had deadlines (the window openings); each credential then caught up to today at once.
        Assert.Equal(2, report.DaysCompleted);
        Assert.Equal(DeadlineDay.Today(scenario.Clock.GetUtcNow()), (await scenario.Scheduler.GetStatusAsync()).LastCompletedDay);
        Assert.Empty((await scenario.Scheduler.GetStatusAsync()).PendingDays);
        foreach (var id in new[] { early, late })
        {
            Assert.Equal(RenewalStage.Lapsed, (await scenario.Renewal(id).GetAsync()).Stage);
        }

        // Overtaken reminders are not sent; expiry and lapse are, once each.
        var notices = (await scenario.NoticesAsync(learner)).GroupBy(n => n.CredentialId).ToDictionary(g => g.Key, g => g.Select(n => n.Kind).Order().ToList());
        Assert.All(notices.Values, kinds => Assert.Contains(NoticeKind.Lapsed, kinds));
        Assert.Equal(2, notices.Count);
        Assert.Equal(0, (await scenario.Scheduler.SweepAsync()).CredentialsAdvanced);
    }

    [Fact]
    public async Task A_bucket_processed_twice_sends_nothing_twice()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var learner = EntityId.New(IdPrefixes.Learner);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await scenario.TrackAsync(learner, TimeSpan.FromDays(90)));
        }

        var opens = scenario.Clock.GetUtcNow().AddDays(30);
        var day = DeadlineDay.BucketFor(opens);
        scenario.Clock.SetUtcNow(DeadlineDay.StartOf(day).AddMinutes(1));
        Assert.Equal(4, (await scenario.Bucket(day).ProcessAsync(100)).Processed);
        Assert.Equal(0, (await scenario.Bucket(day).ProcessAsync(100)).Processed);

        // The same deadlines registered again (as if the bucket's progress had been lost) and processed again.
        scenario.Clock.Advance(TimeSpan.FromHours(1));
        var replay = DeadlineDay.Today(scenario.Clock.GetUtcNow()).AddDays(1);
        await scenario.Bucket(replay).AddManyAsync(ids);
        scenario.Clock.SetUtcNow(DeadlineDay.StartOf(replay).AddMinutes(1));
        Assert.Equal(4, (await scenario.Scheduler.SweepAsync()).CredentialsAdvanced);

        var notices = await scenario.NoticesAsync(learner);
        Assert.Equal(4, notices.Count);
        Assert.All(notices, n => Assert.Equal(NoticeKind.RenewalWindowOpened, n.Kind));
        Assert.Equal(4, notices.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_changed_policy_moves_every_tracked_deadline()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy(window: 30));
        var credential = await scenario.EarnAsync();
        var expires = credential.ValidUntil!.Value;
        var oldDay = DeadlineDay.BucketFor(expires.AddDays(-30));
        Assert.Equal(1, (await scenario.Bucket(oldDay).DescribeAsync()).Count);

        await scenario.Grains.GetGrain<Abstractions.Programs.ICredentialDefinitionGrain>(scenario.Program.Key(scenario.DefinitionId))
            .SetLifespanPolicyAsync(RenewalScenario.Policy(window: 90), Actors.System);
        await scenario.Scheduler.QueuePolicyRolloutAsync(scenario.DefinitionId);
        Assert.Equal(1, (await scenario.Scheduler.SweepAsync()).PoliciesRolledOut);

        var view = await scenario.Renewal(credential.Id).GetAsync();
        Assert.Equal(expires.AddDays(-90), view.Timeline.WindowOpensAt);
        Assert.Equal(expires.AddDays(-90), view.NextDeadline);
        Assert.Equal(0, (await scenario.Bucket(oldDay).DescribeAsync()).Count);
        Assert.Equal(1, (await scenario.Bucket(DeadlineDay.BucketFor(expires.AddDays(-90))).DescribeAsync()).Count);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10)]
    public async Task A_deadline_costs_at_most_64_bytes_of_scheduler_storage(int deadlines)
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var day = DeadlineDay.Today(scenario.Clock.GetUtcNow()).AddDays(500 + deadlines);
        await scenario.Bucket(day).AddManyAsync(Enumerable.Range(0, deadlines).Select(_ => EntityId.New(IdPrefixes.Credential)).ToList());

        var bucketId = DeadlineDay.BucketId(day, 0);
        var table = fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.GrainStateTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            if ((row.PartitionKey + row.RowKey).Contains(bucketId, StringComparison.Ordinal) && (row.PartitionKey + row.RowKey).Contains(scenario.Community, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        var entity = Assert.Single(rows);
        var size = TableEntitySize.Of(entity);
        output.WriteLine($"{deadlines} deadlines: row {size} bytes ({(double)size / deadlines:0.0} per deadline); keys '{entity.PartitionKey}' / '{entity.RowKey}'; properties {string.Join(", ", entity.Keys)}");
        Assert.True((double)size / deadlines <= 64, $"{size} bytes for {deadlines} deadlines");
    }

    [Fact]
    public async Task Deadlines_registered_one_at_a_time_are_stored_as_changes_and_a_new_activation_rebuilds_the_page_from_them()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var day = DeadlineDay.Today(scenario.Clock.GetUtcNow()).AddDays(300);
        var bucket = scenario.Bucket(day);
        var ids = Enumerable.Range(0, 90).Select(_ => EntityId.New(IdPrefixes.Credential)).ToList();
        var largestChanges = 0L;
        foreach (var id in ids)
        {
            Assert.Equal(BucketAddOutcome.Added, await bucket.AddAsync(id));
            if (await StoredGrainState.RowAsync(fixture.Cluster, "renewal-bucket-changes", bucket.GetGrainId()) is { } changes)
            {
                largestChanges = Math.Max(largestChanges, TableEntitySize.Of(changes));
            }
        }

        // The page was stored whole once (at the 65th change) and the changes since are stored apart, never more than 64.
        var page = await StoredGrainState.RowAsync(fixture.Cluster, "renewal-bucket", bucket.GetGrainId());
        Assert.NotNull(page);
        Assert.True(largestChanges is > 0 and < 4096, $"the largest stored changes row is {largestChanges} bytes");
        await bucket.RemoveAsync(ids[10]);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(89, (await bucket.DescribeAsync()).Count);
        Assert.Equal(BucketAddOutcome.AlreadyRegistered, await bucket.AddAsync(ids[70]));
        scenario.Clock.SetUtcNow(DeadlineDay.StartOf(day).AddMinutes(1));
        var processed = await bucket.ProcessAsync(50);
        Assert.Equal((50, 39), (processed.Processed, processed.Remaining));
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal((39, 0), ((await bucket.ProcessAsync(100)).Processed, (await bucket.DescribeAsync()).Remaining));
    }

    private static async Task<(int Count, bool HasNext)> Describe(IRenewalBucketGrain bucket)
    {
        var info = await bucket.DescribeAsync();
        return (info.Count, info.HasNextPage);
    }
}
