using Azure.Data.Tables;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Notices;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Notices;
using CertGrid.Testing;

namespace CertGrid.Grains.Tests.Renewals;

/// <summary>Processing survives a silo restart in the middle of a bucket, and the community reminder drives it unattended.</summary>
public sealed class RenewalRestartTests
{
    [Fact]
    public async Task A_cluster_restarted_in_the_middle_of_a_bucket_finishes_it_and_sends_every_notice_exactly_once()
    {
        await using var storage = new StorageScope();
        var learner = EntityId.New(IdPrefixes.Learner);
        var ids = new List<string>();
        string community;
        DateTimeOffset processingTime;
        await using (var first = await GrainCluster.StartAsync(storage, RenewalsFixture.Settings))
        {
            var scenario = await RenewalScenario.CreateAsync(first, RenewalScenario.Policy());
            community = scenario.Community;
            for (var i = 0; i < 30; i++)
            {
                ids.Add(await scenario.TrackAsync(learner, TimeSpan.FromDays(90)));
            }

            // The window-opening bucket is half processed (one stored batch of 12), and two more credentials were
            // advanced as part of the next batch whose progress was never stored, when the cluster goes down.
            var day = DeadlineDay.BucketFor(first.Clock.GetUtcNow().AddDays(30));
            processingTime = DeadlineDay.StartOf(day).AddMinutes(1);
            first.Clock.SetUtcNow(processingTime);
            var progress = await scenario.Bucket(day).ProcessAsync(12);
            Assert.Equal((12, 18), (progress.Processed, progress.Remaining));
            await scenario.Renewal(ids[12]).AdvanceAsync();
            await scenario.Renewal(ids[13]).AdvanceAsync();
            Assert.Equal(14, (await scenario.NoticesAsync(learner)).Count);
        }

        await using var second = await GrainCluster.StartAsync(storage, RenewalsFixture.Settings);
        second.Clock.SetUtcNow(processingTime.AddMinutes(4));
        var report = await second.Grains.GetGrain<IRenewalSchedulerGrain>(community).SweepAsync();

        Assert.Equal(18, report.CredentialsAdvanced);
        var rows = await NoticeRowsAsync(second, community);
        Assert.Equal(30, rows.Count);
        Assert.Equal(ids.Order(), rows.Select(r => r.CredentialId).Order());
        Assert.All(rows, r => Assert.Equal(nameof(NoticeKind.RenewalWindowOpened), r.Kind));
        foreach (var id in ids)
        {
            Assert.Equal(RenewalStage.RenewalOpen, (await second.Grains.Renewal(community, id).GetAsync()).Stage);
        }
    }

    [Fact]
    public async Task The_community_reminder_processes_due_days_without_anyone_asking()
    {
        await using var cluster = await GrainCluster.StartAsync(extraSettings: new Dictionary<string, string?>(RenewalsFixture.Settings) { ["Renewals:SweepPeriod"] = "00:00:01" });
        var scenario = await RenewalScenario.CreateAsync(cluster, RenewalScenario.Policy());
        var learner = EntityId.New(IdPrefixes.Learner);
        var id = await scenario.TrackAsync(learner, TimeSpan.FromDays(90));

        cluster.Clock.Advance(TimeSpan.FromDays(31));

        var deadline = DateTime.UtcNow.AddSeconds(45);
        while ((await scenario.Renewal(id).GetAsync()).Reached == RenewalMilestone.None)
        {
            Assert.True(DateTime.UtcNow < deadline, "The reminder did not process the due day within 45 s.");
            await Task.Delay(250);
        }

        Assert.Equal(NoticeKind.RenewalWindowOpened, Assert.Single(await scenario.NoticesAsync(learner)).Kind);
    }

    private static async Task<List<NoticeRow>> NoticeRowsAsync(GrainCluster cluster, string community)
    {
        var table = cluster.StorageClients.Table(cluster.StorageClients.Names.NoticesTable);
        var rows = new List<NoticeRow>();
        await foreach (var row in table.QueryAsync<NoticeRow>(TableClient.CreateQueryFilter($"PartitionKey eq {community} and RowKey ge {"l|"} and RowKey lt {"l}"}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
