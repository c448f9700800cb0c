using CertGrid.Domain.Analytics;
using CertGrid.Domain.Demographics;
using CertGrid.Domain.Quality;
using CertGrid.Testing.Quality;

namespace CertGrid.Domain.Tests.Analytics;

public class PeriodAnalyticsTests
{
    private static readonly HistoryPlan Plan = new() { Seed = 31, BiasedAgainstOrganisation = 1, Severity = new Dictionary<int, double> { [4] = -0.8 } };

    private static Dictionary<string, PeriodAnalytics> Count(IEnumerable<AnalyticsEvent> events)
    {
        var periods = new Dictionary<string, PeriodAnalytics>(StringComparer.Ordinal);
        foreach (var analyticsEvent in events)
        {
            var period = AnalyticsPeriod.Of(analyticsEvent.At);
            (periods.TryGetValue(period, out var tally) ? tally : periods[period] = new PeriodAnalytics()).Apply(analyticsEvent);
        }

        return periods;
    }

    [Fact]
    public void Figures_kept_one_event_at_a_time_equal_the_analyses_of_the_raw_reviews()
    {
        var history = AssessmentHistoryFaker.Generate(Plan);
        var periods = Count(HistoryEvents.Of(history));

        var summary = ProgramAnalytics.Summarise(periods.Keys.ToList(), periods.Values, SmallGroupSuppression.DefaultMinimumGroupSize, SeveritySettings.Default, seed: 1);

        Assert.True(periods.Count > 1, "the history spans several months");
        Assert.Equal(history.Attempts.Count, summary.Applications);
        Assert.Equal(history.Attempts.Count(a => a.Passed), summary.FirstAttempts.Passed);
        var direct = FairnessBreakdown.Of("learnerOrganisation", history.Outcomes(l => l.Organisation));
        var kept = summary.Fairness.Single(f => f.Dimension == nameof(FairnessDimension.LearnerOrganisation));
        Assert.Equal(direct.Flagged.Select(f => f.Group), kept.Flagged.Select(f => f.Group));
        Assert.Equal([HistoryPlan.OrganisationId(1)], kept.Flagged.Select(f => f.Group));
        Assert.Equal(direct.Groups.Select(g => g.Impact.ImpactRatio), kept.Groups.Select(g => g.Impact.ImpactRatio));
        for (var c = 0; c < Plan.Criteria; c++)
        {
            var raw = KrippendorffAlpha.Compute(history.CriterionUnits(c).Select(u => (IReadOnlyList<double>)u.Ratings.Select(r => (double)r.Level).ToList()), MeasurementLevel.Ordinal)!;
            Assert.Equal(raw.Alpha, summary.Reliability.Single(r => r.CriterionId == $"c{c}").Measure.Alpha!.Alpha, 9);
        }

        var severity = EvaluatorSeverity.AssessAll(history.PanelReviews(), SeveritySettings.Default);
        Assert.Equal(severity.Select(s => (s.EvaluatorId, s.Verdict)), summary.Evaluators.Select(e => (e.EvaluatorId, e.Severity.Verdict)));
        Assert.Equal(severity.Select(s => Math.Round(s.MeanDeviation, 6)), summary.Evaluators.Select(e => Math.Round(e.Severity.MeanDeviation, 6)));
        Assert.Equal(SeverityVerdict.Harsh, summary.Evaluators.Single(e => e.EvaluatorId == HistoryPlan.EvaluatorId(4)).Severity.Verdict);
    }

    [Fact]
    public void Pairwise_kappa_kept_one_event_at_a_time_equals_kappa_of_the_raw_ratings_month_by_month_added_up()
    {
        var history = AssessmentHistoryFaker.Generate(Plan);
        var periods = Count(HistoryEvents.Of(history));
        var summary = ProgramAnalytics.Summarise(periods.Keys.ToList(), periods.Values, SmallGroupSuppression.DefaultMinimumGroupSize, SeveritySettings.Default, seed: 1);

        for (var c = 0; c < Plan.Criteria; c++)
        {
            var raw = RaterPairAgreement.Measure(history.CriterionUnits(c), 1, 4);
            var kept = summary.EvaluatorPairs.Where(p => p.CriterionId == $"c{c}").Select(p => p.Agreement).ToList();
            Assert.True(raw.Count > 10, "the history has many evaluator pairs with 10 or more shared attempts");
            Assert.Equal(raw.Select(r => (r.FirstRaterId, r.SecondRaterId, r.SharedUnits)), kept.Select(k => (k.FirstRaterId, k.SecondRaterId, k.SharedUnits)));
            Assert.Equal(raw.Select(r => Math.Round(r.Kappa!.Value, 9)), kept.Select(k => Math.Round(k.Kappa!.Value, 9)));
            Assert.Equal(raw.Select(r => Math.Round(r.QuadraticKappa!.Value, 9)), kept.Select(k => Math.Round(k.QuadraticKappa!.Value, 9)));
        }
    }

    [Fact]
    public void Declared_groups_are_broken_down_with_adverse_impact_significance_and_suppression()
    {
        var tally = new PeriodAnalytics();
        var at = new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);
        void Decide(string value, int count, int passed)
        {
            for (var i = 0; i < count; i++)
            {
                tally.Apply(new AttemptDecided($"{value}_{i}", at, "cdf_1", 1, i < passed, i < passed ? 75 : 40, at.AddDays(-2), "org_a", "en", "coh_1", [], [],
                    [new DeclaredValue("age-band", value)]));
            }
        }

        Decide("age-under-30", 120, 96);
        Decide("age-30-to-49", 110, 88);
        Decide("age-50-plus", 130, 58);
        Decide("age-over-80", 9, 2);
        tally.Apply(new AttemptDecided("undeclared", at, "cdf_1", 1, true, 80, at.AddDays(-2), "org_a", "en", "coh_1", [], []));

        var summary = ProgramAnalytics.Summarise(["2026-05"], [tally], 10, SeveritySettings.Default, seed: 1);

        var breakdown = summary.Fairness.Single(f => f.Dimension == "Declared:age-band");
        Assert.Equal(["age-50-plus"], breakdown.Flagged.Select(g => g.Group));
        var hidden = breakdown.Groups.Single(g => g.Impact.Group == "age-over-80").Impact;
        Assert.True(hidden.Suppressed);
        Assert.Null(hidden.Passed);

        // One group hidden alone could be recovered from the total, so the next smallest is hidden too.
        Assert.Equal(["age-30-to-49", "age-over-80"], breakdown.Groups.Where(g => g.Impact.Suppressed).Select(g => g.Impact.Group).Order(StringComparer.Ordinal));
        Assert.Equal(250, breakdown.Groups.Sum(g => g.Impact.Total ?? 0));
    }

    [Fact]
    public void A_redelivered_event_is_counted_once()
    {
        var tally = new PeriodAnalytics();
        var at = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

        Assert.True(tally.Apply(new AppealRecorded("evt_1", at, Decided: false, Overturned: false)));
        Assert.False(tally.Apply(new AppealRecorded("evt_1", at, Decided: false, Overturned: false)));
        Assert.True(tally.Apply(new AppealRecorded("evt_2", at, Decided: true, Overturned: true)));
        Assert.True(tally.Apply(new CeCreditsRecorded("evt_3", at, "ethics", 2.5)));
        Assert.True(tally.Apply(new RenewalRecorded("evt_4", at, RenewalMilestone.Lapsed)));

        Assert.Equal(1, tally.AppealsFiled);
        Assert.Equal(1, tally.AppealsOverturned);
        Assert.Equal(2.5, tally.CeCredits["ethics"]);
        Assert.Equal(1, tally.Renewals[RenewalMilestone.Lapsed]);
    }

    [Fact]
    public void State_stays_bounded_however_many_reviews_are_counted()
    {
        var large = AssessmentHistoryFaker.Generate(Plan with { LearnersPerOrganisation = 400 });
        var tally = new PeriodAnalytics();
        foreach (var analyticsEvent in HistoryEvents.Of(large))
        {
            tally.Apply(analyticsEvent);
        }

        // 2,000 attempts, 4 criteria on 4 levels, panels of 2 or 3: at most 10 + 20 level patterns per criterion.
        Assert.All(tally.Reliability.Values, r => Assert.True(r.Patterns.Count <= 30));
        Assert.All(tally.Pairs.Values.SelectMany(p => p.Values), p => Assert.True(p.Cells.Count <= 16));
        Assert.True(tally.RecentEventIds.Count <= PeriodAnalytics.RememberedEvents * 2);
        Assert.Equal(4_000, tally.AttemptsSubmitted + tally.FirstAttempts.Total);
    }

    [Fact]
    public void A_window_is_the_months_it_spans_and_training_gaps_respect_the_minimum_group_size()
    {
        Assert.Equal(["2025-12", "2026-01", "2026-02"],
            AnalyticsPeriod.Between(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));

        var tally = new PeriodAnalytics();
        var at = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 12; i++)
        {
            tally.Apply(new AttemptDecided($"evt_{i}", at, "cdf_1", 1, true, 70, at.AddDays(-3), "org_a", "en", "coh_big", [],
                [new CriterionLevel("c1", i < 6 ? 2 : 3, 3), new CriterionLevel("c2", 4, 3)]));
        }

        for (var i = 0; i < 4; i++)
        {
            tally.Apply(new AttemptDecided($"evt_small_{i}", at, "cdf_1", 1, false, 40, at.AddDays(-3), "org_a", "en", "coh_small", [],
                [new CriterionLevel("c1", 1, 3)]));
        }

        var summary = ProgramAnalytics.Summarise(["2026-04"], [tally], 10, SeveritySettings.Default, seed: 1);

        var gap = Assert.Single(summary.TrainingGaps);
        Assert.Equal(("coh_big", "c1", 6, 12), (gap.Cohort, gap.CriterionId, gap.BelowPassing, gap.Decided));
        Assert.Equal(3, summary.MedianDaysToCertification);
    }

    [Fact]
    public void An_erased_learners_decision_leaves_their_organisations_group_for_the_erased_group_once()
    {
        var tally = new PeriodAnalytics();
        var at = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
        tally.Apply(new AttemptDecided("att_1:decided", at, "cdf_1", 1, true, 72.4, at.AddDays(-3), "Only Learner Ltd", "en", null, [], []));
        tally.Apply(new AttemptDecided("att_2:decided", at, "cdf_1", 1, false, 41, at.AddDays(-3), "Shared Org", "en", null, [], []));
        tally.Apply(new AttemptDecided("att_3:decided", at, "cdf_1", 1, true, 90, at.AddDays(-3), "Shared Org", "en", null, [], []));

        var erasedOnly = new LearnerOrganisationErased("att_1:organisation-erased", at, "Only Learner Ltd", 72.4, true);
        Assert.True(tally.Apply(erasedOnly));
        Assert.False(tally.Apply(erasedOnly));
        Assert.True(tally.Apply(new LearnerOrganisationErased("att_3:organisation-erased", at, "Shared Org", 90, true)));

        var groups = tally.Groups[FairnessDimension.LearnerOrganisation];
        Assert.DoesNotContain("Only Learner Ltd", groups.Keys);
        Assert.Equal((1, 0), (groups["Shared Org"].Total, groups["Shared Org"].Passed));
        Assert.Equal(0, groups["Shared Org"].Scores[90]);
        Assert.Equal((2, 2), (groups[PeriodAnalytics.ErasedGroup].Total, groups[PeriodAnalytics.ErasedGroup].Passed));
        Assert.Equal(1, groups[PeriodAnalytics.ErasedGroup].Scores[72]);
        Assert.Equal(3, tally.FirstAttempts.Total);
    }
}
