using System.Globalization;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// Scores a calibration attempt against the reference, and works out an evaluator's standing from their latest result
/// and how their levels on real attempts have agreed with their panels' decisions since.
/// </summary>
public static class CalibrationRules
{
    /// <summary>
    /// Compares the evaluator's levels with the reference, criterion by criterion: both keyed by (exemplar, criterion).
    /// Every reference level must be scored; levels lie on the rubric's scale <paramref name="lowest"/>..<paramref name="highest"/>.
    /// </summary>
    public static CalibrationResult Score(
        string evaluatorId, string exerciseId, IReadOnlyDictionary<(string Exemplar, string Criterion), int> reference,
        IReadOnlyDictionary<(string Exemplar, string Criterion), int> scored, int lowest, int highest, CalibrationPolicy policy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(policy);
        var missing = reference.Keys.Where(k => !scored.ContainsKey(k)).ToList();
        if (missing.Count > 0 || scored.Count != reference.Count)
        {
            throw CertGridException.Invalid("input.scores",
                $"Score every criterion of every exemplar, and nothing else ({missing.Count} of {reference.Count} missing, {scored.Count} given).");
        }

        var pairs = reference.Select(r => (Reference: r.Value, Scored: scored[r.Key])).ToList();
        var exact = pairs.Count(p => p.Scored == p.Reference) / (double)pairs.Count;
        var adjacent = pairs.Count(p => Math.Abs(p.Scored - p.Reference) <= 1) / (double)pairs.Count;
        var kappa = CohenKappa.Compute(AgreementTable.FromPairs(pairs.Select(p => (p.Reference, p.Scored)), lowest, highest), KappaWeighting.Quadratic);
        var passed = exact >= policy.PassingExact && adjacent >= policy.PassingAdjacent;
        return new CalibrationResult(evaluatorId, exerciseId, at, pairs.Count, exact, adjacent, kappa, pairs.Average(p => p.Scored - p.Reference), passed);
    }

    /// <summary>
    /// The standing from the latest calibration result (null: none taken) and, for each criterion the evaluator rated on
    /// a decided attempt since then (oldest first), whether their level equalled the level the panel decided.
    /// </summary>
    public static CalibrationStanding Standing(CalibrationResult? latest, IReadOnlyList<(DateTimeOffset At, bool MatchedDecision)> since, CalibrationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(since);
        ArgumentNullException.ThrowIfNull(policy);
        if (latest is null)
        {
            return CalibrationStanding.None;
        }

        if (!latest.Passed)
        {
            return new CalibrationStanding(CalibrationStatus.Failed, latest.At, string.Create(CultureInfo.InvariantCulture,
                $"did not pass calibration exercise {latest.ExerciseId} on {latest.At:yyyy-MM-dd} ({latest.Exact:0%} exact, {latest.Adjacent:0%} within one level; {policy.PassingExact:0%} and {policy.PassingAdjacent:0%} needed)"));
        }

        var recent = since.Where(s => s.At >= latest.At).TakeLast(policy.DriftWindow).ToList();
        if (recent.Count >= policy.DriftWindow)
        {
            var agreement = recent.Count(r => r.MatchedDecision) / (double)recent.Count;
            if (agreement < policy.DriftThreshold)
            {
                return new CalibrationStanding(CalibrationStatus.Drifted, recent[^1].At, string.Create(CultureInfo.InvariantCulture,
                    $"drifted since calibrating on {latest.At:yyyy-MM-dd}: {agreement:0%} of their last {recent.Count} levels matched their panels' decisions ({policy.DriftThreshold:0%} needed); recalibration required"));
            }
        }

        return new CalibrationStanding(CalibrationStatus.Calibrated, latest.At, string.Create(CultureInfo.InvariantCulture,
            $"calibrated on {latest.At:yyyy-MM-dd} ({latest.Exact:0%} exact agreement with the reference)"));
    }
}
