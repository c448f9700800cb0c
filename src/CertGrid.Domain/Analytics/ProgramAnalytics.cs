using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Analytics;

/// <summary>Turns the running tallies of a window's periods into the figures admins read.</summary>
public static class ProgramAnalytics
{
    /// <summary>Training gaps listed, most frequent first.</summary>
    public const int TrainingGapsShown = 20;

    public static ProgramAnalyticsSummary Summarise(
        IReadOnlyList<string> periods, IEnumerable<PeriodAnalytics> tallies, int minimumGroupSize, SeveritySettings severity, int seed)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var all = new PeriodAnalytics();
        foreach (var period in tallies)
        {
            all.AddFrom(period);
        }

        return new ProgramAnalyticsSummary(
            periods,
            all.Applications,
            all.AttemptsSubmitted,
            new GroupOutcome("first attempts", all.FirstAttempts.Passed, all.FirstAttempts.Total),
            new GroupOutcome("later attempts", all.LaterAttempts.Passed, all.LaterAttempts.Total),
            MedianDays(all.DaysToCertification),
            all.AppealsFiled,
            all.AppealsOverturned,
            all.AppealsUpheld,
            Enum.GetValues<RenewalMilestone>().Select(m => new NamedFigure(m.ToString(), all.Renewals.GetValueOrDefault(m))).ToList(),
            all.CeCredits.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new NamedFigure(c.Key, c.Value)).ToList(),
            all.Evaluators.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new EvaluatorLoad(e.Key, e.Value.Reviews, e.Value.Overdue, e.Value.Severity(e.Key, severity))).ToList(),
            Enum.GetValues<FairnessDimension>().Select(d => Breakdown(d.ToString(), all.Groups.GetValueOrDefault(d), minimumGroupSize))
                .Concat(all.Declared.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => Breakdown(DeclaredDimension + a.Key, a.Value, minimumGroupSize))).ToList(),
            all.Reliability.OrderBy(r => r.Key, StringComparer.Ordinal).Select((r, i) =>
            {
                var (credential, criterion) = Split(r.Key);
                return new CriterionReliability(credential, criterion, r.Value.Measure(seed + i));
            }).ToList(),
            all.Gaps.Where(g => g.Value[1] >= minimumGroupSize)
                .Select(g => (Key: Split(g.Key), Gap: g.Value))
                .Select(g => new TrainingGap(g.Key.Left, g.Key.Right, g.Gap[0], g.Gap[1]))
                .Where(g => g.BelowPassing > 0)
                .OrderByDescending(g => g.Share).ThenBy(g => g.Cohort, StringComparer.Ordinal).ThenBy(g => g.CriterionId, StringComparer.Ordinal)
                .Take(TrainingGapsShown).ToList(),
            minimumGroupSize,
            EvaluatorPairs(all.Pairs));
    }

    /// <summary>Kappa and quadratic weighted kappa of every evaluator pair with enough shared attempts, per credential and criterion.</summary>
    private static List<CriterionPairAgreement> EvaluatorPairs(Dictionary<string, Dictionary<string, PairTally>> pairs) =>
        pairs.OrderBy(c => c.Key, StringComparer.Ordinal).SelectMany(c => c.Value
            .Where(p => p.Value.SharedUnits >= RaterPairAgreement.MinimumSharedUnits)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p =>
            {
                var (credential, criterion) = Split(c.Key);
                var raters = p.Key.Split('|');
                return new CriterionPairAgreement(credential, criterion, RaterPairAgreement.Of(raters[0], raters[1], p.Value.Table()));
            }))
            .ToList();

    /// <summary>The dimension name of a declared attribute's breakdown is this prefix and the attribute's code.</summary>
    public const string DeclaredDimension = "Declared:";

    private static FairnessBreakdown Breakdown(string dimension, Dictionary<string, OutcomeTally>? groups, int minimumGroupSize)
    {
        var tallies = groups ?? [];
        var impacts = AdverseImpact.Analyse(tallies.Select(g => new GroupOutcome(g.Key, g.Value.Passed, g.Value.Total)).ToList(), minimumGroupSize);
        return new FairnessBreakdown(dimension,
            impacts.Select(i => new BreakdownGroup(i, i.Suppressed ? null : tallies[i.Group].Distribution())).ToList());
    }

    private static double? MedianDays(int[] days)
    {
        var total = days.Sum();
        if (total == 0)
        {
            return null;
        }

        var sorted = days.SelectMany((count, day) => Enumerable.Repeat((double)day, count)).ToList();
        return SampleQuantile.Of(sorted, 0.5);
    }

    private static (string Left, string Right) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}
