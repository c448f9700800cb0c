using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Analytics;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Quality;
using CertGrid.Testing.Quality;

namespace CertGrid.Grains.Tests.Analytics;

/// <summary>Program analytics held by per-community, per-month grains on the 2-silo cluster against Azurite.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class ProgramAnalyticsGrainTests(GrainClusterFixture fixture)
{
    private static readonly HistoryPlan Plan = new() { Seed = 41, LearnersPerOrganisation = 40, BiasedAgainstOrganisation = 3 };

    [Fact]
    public async Task Events_recorded_in_batches_give_the_figures_of_the_raw_reviews_and_redelivery_changes_nothing()
    {
        var community = GrainClusterFixture.NewCommunity();
        var analytics = fixture.Grains.GetGrain<IProgramAnalyticsQueryGrain>(community);
        var history = AssessmentHistoryFaker.Generate(Plan);
        var events = HistoryEvents.Of(history).ToList();
        foreach (var batch in events.Chunk(50))
        {
            await analytics.RecordAsync(batch);
        }

        await analytics.RecordAsync(events.Take(120).ToList());
        var from = history.Attempts.Min(a => a.DecidedAt).AddDays(-1);
        var to = history.Attempts.Max(a => a.DecidedAt);
        var summary = await analytics.SummariseAsync(from, to);

        Assert.Equal(history.Attempts.Count, summary.Applications);
        Assert.Equal(history.Attempts.Count(a => a.Passed), summary.FirstAttempts.Passed);
        var direct = FairnessBreakdown.Of("learnerOrganisation", history.Outcomes(l => l.Organisation));
        var kept = summary.Fairness.Single(f => f.Dimension == nameof(FairnessDimension.LearnerOrganisation));
        Assert.Equal(direct.Groups.Select(g => g.Impact.ImpactRatio), kept.Groups.Select(g => g.Impact.ImpactRatio));
        Assert.Equal(direct.Flagged.Select(f => f.Group), kept.Flagged.Select(f => f.Group));

        // The same window asked again gives the same intervals (seeded by community and window).
        var again = await analytics.SummariseAsync(from, to);
        Assert.Equal(summary.Reliability.Select(r => r.Measure.Interval), again.Reliability.Select(r => r.Measure.Interval));

        // One month alone holds only its own decisions; another community sees nothing.
        var firstMonth = AnalyticsPeriod.Of(from);
        var month = await fixture.Grains.ProgramAnalytics(community, firstMonth).GetAsync();
        Assert.Equal(history.Attempts.Count(a => AnalyticsPeriod.Of(a.DecidedAt) == firstMonth), month.FirstAttempts.Total);
        var stranger = await fixture.Grains.GetGrain<IProgramAnalyticsQueryGrain>(GrainClusterFixture.NewCommunity()).SummariseAsync(from, to);
        Assert.Equal(0, stranger.Applications);
    }

    [Fact]
    public async Task Events_from_another_month_and_windows_too_long_are_refused_with_a_reason()
    {
        var community = GrainClusterFixture.NewCommunity();
        var march = fixture.Grains.ProgramAnalytics(community, "2026-03");
        var april = new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero);

        var wrongMonth = await Assert.ThrowsAsync<CertGridException>(() => march.RecordAsync([new AppealRecorded("evt_1", april, false, false)]));
        Assert.Equal(ErrorCode.ValidationFailed, wrongMonth.Code);
        Assert.Equal(0, (await march.GetAsync()).AppealsFiled);

        var query = fixture.Grains.GetGrain<IProgramAnalyticsQueryGrain>(community);
        var tooLong = await Assert.ThrowsAsync<CertGridException>(() => query.SummariseAsync(april.AddYears(-4), april));
        Assert.Contains("at most 36 months", tooLong.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CertGridException>(() => query.SummariseAsync(april, april.AddDays(-1)));
    }
}
