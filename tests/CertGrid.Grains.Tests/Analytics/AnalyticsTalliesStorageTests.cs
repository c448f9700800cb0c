using System.Text;
using System.Text.Json;
using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Analytics;
using CertGrid.Grains.Analytics;
using CertGrid.Testing.Quality;

namespace CertGrid.Grains.Tests.Analytics;

/// <summary>
/// Issue 18 (found by issue 13's measurements): a month's tallies grow with the community and were rewritten whole in a
/// table row per counted event, so a community passed Azure Table's 1 MB entity limit near 2,800 credentials. They now
/// live in a blob written every <see cref="ProgramAnalyticsGrain.FoldEvery"/> events; each event costs a small row write.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class AnalyticsTalliesStorageTests(GrainClusterFixture fixture)
{
    private static readonly HistoryPlan Plan = new() { Seed = 43, LearnersPerOrganisation = 30, BiasedAgainstOrganisation = 2 };

    [Fact]
    public async Task Events_counted_one_by_one_keep_the_row_small_and_the_tallies_survive_a_reactivation_and_redelivery()
    {
        var community = GrainClusterFixture.NewCommunity();
        var events = HistoryEvents.Of(AssessmentHistoryFaker.Generate(Plan)).ToList();
        var month = events.GroupBy(e => AnalyticsPeriod.Of(e.At)).MaxBy(g => g.Count())!.ToList();
        Assert.True(month.Count > 2 * ProgramAnalyticsGrain.FoldEvery, $"the history gives {month.Count} events in its busiest month");
        var grain = fixture.Grains.ProgramAnalytics(community, AnalyticsPeriod.Of(month[0].At));

        var largestRow = 0L;
        foreach (var analyticsEvent in month)
        {
            await grain.RecordAsync([analyticsEvent]); // one per call, as the outbox delivers them
            largestRow = Math.Max(largestRow, await RowBytesAsync(grain));
        }

        var counted = Serialized(await grain.GetAsync());
        var tallies = await TalliesBlobAsync(grain);
        Assert.True(largestRow < tallies.Length, $"the row reached {largestRow} bytes; the tallies blob has {tallies.Length}");

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(counted, Serialized(await grain.GetAsync()));
        await grain.RecordAsync(month.Take(ProgramAnalyticsGrain.FoldEvery + 5).ToList());
        Assert.Equal(counted, Serialized(await grain.GetAsync()));
    }

    [Fact]
    public async Task An_erased_organisation_leaves_the_stored_tallies_at_once()
    {
        var community = GrainClusterFixture.NewCommunity();
        var at = new DateTimeOffset(2026, 5, 12, 10, 0, 0, TimeSpan.Zero);
        var organisation = $"Erased Org {Guid.NewGuid():N}";
        var grain = fixture.Grains.ProgramAnalytics(community, AnalyticsPeriod.Of(at));
        await grain.RecordAsync([new AttemptDecided("evt_decided", at, "cdef_1", 1, true, 82, at.AddDays(-3), organisation, "en", null, [], [])]);
        await grain.RecordAsync([new AttemptSubmitted("evt_other", at, "cdef_1", 1)]);

        await grain.RecordAsync([new LearnerOrganisationErased("evt_erased", at, organisation, 82, true)]);

        var tallies = Encoding.UTF8.GetString(await TalliesBlobAsync(grain));
        Assert.DoesNotContain(organisation, tallies, StringComparison.Ordinal);
        Assert.False(await StoredGrainState.RowHoldsAsync(fixture.Cluster, "analytics", grain.GetGrainId(), organisation));
        Assert.Equal(1, (await grain.GetAsync()).FirstAttempts.Passed);
    }

    private static string Serialized(PeriodAnalytics period) => JsonSerializer.Serialize(period);

    private Task<long> RowBytesAsync(IProgramAnalyticsGrain grain) => StoredGrainState.RowBytesAsync(fixture.Cluster, "analytics", grain.GetGrainId());

    private Task<byte[]> TalliesBlobAsync(IProgramAnalyticsGrain grain) => StoredGrainState.BlobAsync(fixture.Cluster, "analytics-tallies", grain.GetGrainId());
}
