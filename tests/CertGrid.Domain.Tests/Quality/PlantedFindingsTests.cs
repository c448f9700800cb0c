using CertGrid.Domain.Quality;
using CertGrid.Testing.Quality;
using Xunit.Abstractions;

namespace CertGrid.Domain.Tests.Quality;

/// <summary>
/// The analyses find what was planted in generated histories, and nothing where nothing was planted. The false-positive
/// and detection rates over many seeds are printed (run with <c>--logger "console;verbosity=detailed"</c>) and recorded
/// in docs/quality.md.
/// </summary>
public class PlantedFindingsTests(ITestOutputHelper output)
{
    private const int Seeds = 200;

    private static string Organisation(HistoryLearner learner) => learner.Organisation;

    [Fact]
    public void A_bias_against_one_organisation_is_flagged_for_that_organisation_only()
    {
        var history = AssessmentHistoryFaker.Generate(new HistoryPlan { Seed = 11, BiasedAgainstOrganisation = 2 });

        var breakdown = FairnessBreakdown.Of("learnerOrganisation", history.Outcomes(Organisation));

        Assert.Equal([HistoryPlan.OrganisationId(2)], breakdown.Flagged.Select(f => f.Group));
        var biased = breakdown.Groups.Single(g => g.Impact.Group == HistoryPlan.OrganisationId(2));
        Assert.True(biased.Scores!.Mean < breakdown.Groups.Where(g => g != biased).Min(g => g.Scores!.Mean));
    }

    [Fact]
    public void Planted_harsh_and_lenient_evaluators_are_found_and_the_others_left_alone()
    {
        var history = AssessmentHistoryFaker.Generate(new HistoryPlan { Seed = 12, Severity = new Dictionary<int, double> { [3] = -0.8, [7] = 0.8 } });

        var severity = EvaluatorSeverity.AssessAll(history.PanelReviews(), SeveritySettings.Default);

        Assert.Equal([HistoryPlan.EvaluatorId(3)], severity.Where(s => s.Verdict == SeverityVerdict.Harsh).Select(s => s.EvaluatorId));
        Assert.Equal([HistoryPlan.EvaluatorId(7)], severity.Where(s => s.Verdict == SeverityVerdict.Lenient).Select(s => s.EvaluatorId));
    }

    [Fact]
    public void An_inconsistently_applied_criterion_has_the_lowest_reliability()
    {
        var history = AssessmentHistoryFaker.Generate(new HistoryPlan { Seed = 13, AmbiguousCriteria = new Dictionary<int, double> { [2] = 3 } });

        var alphas = Enumerable.Range(0, history.Plan.Criteria)
            .Select(c => ReliabilityMeasure.Of(history.CriterionUnits(c), MeasurementLevel.Ordinal, seed: c, resamples: 200))
            .ToList();

        Assert.Equal(2, alphas.IndexOf(alphas.MinBy(a => a.Alpha!.Alpha)!));
        Assert.True(alphas[2].Alpha!.Alpha < ReliabilityMeasure.TentativeAlpha);
        Assert.True(alphas[2].Interval!.Upper < alphas.Where((_, c) => c != 2).Min(a => a.Interval!.Lower));
        Assert.All(alphas.Where((_, c) => c != 2), a => Assert.True(a.Alpha!.Alpha >= ReliabilityMeasure.TentativeAlpha));
    }

    [Fact]
    public void Without_a_planted_bias_few_histories_are_flagged_and_with_one_nearly_all_are()
    {
        int falseBreakdowns = 0, falseEvaluators = 0, comparisons = 0, evaluatorsJudged = 0, detected = 0, severityFound = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var fair = AssessmentHistoryFaker.Generate(new HistoryPlan { Seed = seed });
            var breakdown = FairnessBreakdown.Of("learnerOrganisation", fair.Outcomes(Organisation));
            falseBreakdowns += breakdown.Flagged.Any() ? 1 : 0;
            comparisons += breakdown.Groups.Count(g => !g.Impact.Suppressed && !g.Impact.IsReference);
            var severity = EvaluatorSeverity.AssessAll(fair.PanelReviews(), SeveritySettings.Default);
            falseEvaluators += severity.Count(s => s.Verdict is SeverityVerdict.Harsh or SeverityVerdict.Lenient);
            evaluatorsJudged += severity.Count(s => s.Verdict != SeverityVerdict.TooFewReviews);

            var biased = AssessmentHistoryFaker.Generate(new HistoryPlan
            {
                Seed = seed,
                BiasedAgainstOrganisation = seed % 5,
                Severity = new Dictionary<int, double> { [seed % 12] = -0.8 },
            });
            var found = FairnessBreakdown.Of("learnerOrganisation", biased.Outcomes(Organisation)).Flagged.Select(f => f.Group).ToList();
            detected += found.SequenceEqual([HistoryPlan.OrganisationId(seed % 5)]) ? 1 : 0;
            severityFound += EvaluatorSeverity.AssessAll(biased.PanelReviews(), SeveritySettings.Default)
                .Any(s => s.EvaluatorId == HistoryPlan.EvaluatorId(seed % 12) && s.Verdict == SeverityVerdict.Harsh) ? 1 : 0;
        }

        var breakdownRate = falseBreakdowns / (double)Seeds;
        var evaluatorRate = falseEvaluators / (double)evaluatorsJudged;
        output.WriteLine($"Over {Seeds} seeds, 5 organisations of 80 learners, 12 evaluators:");
        output.WriteLine($"  no bias planted: {falseBreakdowns} histories ({breakdownRate:P1}) with any organisation flagged ({comparisons} comparisons in all)");
        output.WriteLine($"  no severity planted: {falseEvaluators} of {evaluatorsJudged} evaluator verdicts harsh or lenient ({evaluatorRate:P2})");
        output.WriteLine($"  bias of 0.6 levels planted: exactly the biased organisation flagged in {detected} ({detected / (double)Seeds:P1})");
        output.WriteLine($"  severity of -0.8 levels planted: the harsh evaluator found in {severityFound} ({severityFound / (double)Seeds:P1})");

        Assert.True(breakdownRate <= 0.05, $"{breakdownRate:P1} of fair histories had an organisation flagged.");
        Assert.True(evaluatorRate <= 0.01, $"{evaluatorRate:P2} of fair evaluators were called harsh or lenient.");
        Assert.True(detected >= Seeds * 0.95, $"The planted bias was found alone in only {detected} of {Seeds} histories.");
        Assert.True(severityFound >= Seeds * 0.95, $"The planted harsh evaluator was found in only {severityFound} of {Seeds} histories.");
    }
}
