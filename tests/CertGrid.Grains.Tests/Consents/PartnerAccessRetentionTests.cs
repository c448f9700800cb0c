using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Consents;

/// <summary>
/// The partner-access log is kept for the community's retention period (two years by default): one daily sweep per
/// community, in its deadline bucket however many learners it has, removes every older row and nothing newer.
/// </summary>
public sealed class PartnerAccessRetentionTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Rows_older_than_the_retention_period_are_removed_by_one_community_sweep()
    {
        var community = GrainClusterFixture.NewCommunity();
        var grains = fixture.Grains;
        var now = fixture.Cluster.Clock.GetUtcNow();
        var (ada, bob) = (EntityId.New(IdPrefixes.Learner), EntityId.New(IdPrefixes.Learner));
        PartnerAccessEntry Entry(string learner, int daysAgo, PartnerAccessKind kind = PartnerAccessKind.SawInTalentSearch) =>
            new(learner, "ptn_recruiter0001", "Recruiter Ltd", kind, $"{daysAgo} days ago", now.AddDays(-daysAgo));
        await grains.GetGrain<IPartnerAccessLogGrain>(community).RecordAsync(
            [Entry(ada, 1100), Entry(ada, 400), Entry(ada, 10), Entry(ada, 900, PartnerAccessKind.SentMessage), Entry(bob, 800), Entry(bob, 1)]);

        // One deadline for the whole community, not one per learner or row.
        var bucket = grains.GetGrain<IDeadlineBucketGrain>(community);
        await Eventually.HoldsAsync(bucket.GetStatusAsync, s => s.Scheduled == 1, "the community's sweep is scheduled");

        var retention = grains.GetGrain<IPartnerAccessRetentionGrain>(community);
        Assert.Equal(730, (await retention.GetAsync()).Days);
        Assert.Equal(3, await retention.SweepAsync());
        Assert.Equal(["10 days ago", "400 days ago"], await DetailsAsync(ada, messages: false));
        Assert.Empty(await DetailsAsync(ada, messages: true));
        Assert.Equal(["1 days ago"], await DetailsAsync(bob, messages: false));

        await retention.SetDaysAsync(365, Actors.Admin("key_admin"));
        Assert.Equal(1, await retention.SweepAsync());
        Assert.Equal(["10 days ago"], await DetailsAsync(ada, messages: false));
        Assert.Equal(1, (await retention.GetAsync()).RemovedInLastSweep);
        Assert.Equal(1, (await bucket.GetStatusAsync()).Scheduled);

        var invalid = await Assert.ThrowsAsync<CertGridException>(() => retention.SetDaysAsync(7, Actors.Admin("key_admin")));
        Assert.Equal(ErrorCode.ValidationFailed, invalid.Code);
        Assert.Equal(365, (await retention.GetAsync()).Days);

        async Task<IReadOnlyList<string>> DetailsAsync(string learner, bool messages) =>
            [.. (await grains.GetGrain<IPartnerAccessLogGrain>(community).ListAsync(learner, messages, new PageRequest(100, null))).Items.Select(e => e.Detail)];
    }
}
