using CertGrid.Domain.Integrity;
using MathNet.Numerics.Distributions;

namespace CertGrid.Domain.Quality;

/// <summary>
/// Evaluator severity and leniency relative to their panels. The deviations are the ones the divergence check
/// already uses (<see cref="DivergenceRule.Deviations"/>: each review against the mean of the rest of its panel), so
/// an evaluator is judged against the same colleagues who saw the same work, whatever the learners' ability. Severity
/// is the mean deviation; it is called harsh or lenient when the <see cref="SeveritySettings.Confidence"/> t-interval
/// excludes zero and the mean is at least <see cref="SeveritySettings.MinimumPoints"/> away from it.
/// </summary>
public static class EvaluatorSeverity
{
    public static SeverityEstimate Assess(string evaluatorId, IReadOnlyList<double> deviations, SeveritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        ArgumentNullException.ThrowIfNull(settings);
        if (deviations.Count == 0)
        {
            return new SeverityEstimate(evaluatorId, 0, 0, null, SeverityVerdict.TooFewReviews);
        }

        var mean = deviations.Average();
        var variance = deviations.Count < 2 ? 0 : deviations.Sum(d => (d - mean) * (d - mean)) / (deviations.Count - 1);
        return Assess(evaluatorId, deviations.Count, mean, variance, settings);
    }

    /// <summary>The same judgement from running totals: how many deviations, their mean and their sample variance.</summary>
    public static SeverityEstimate Assess(string evaluatorId, int count, double mean, double variance, SeveritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (count < Math.Max(2, settings.MinimumReviews))
        {
            return new SeverityEstimate(evaluatorId, count, mean, null, SeverityVerdict.TooFewReviews);
        }

        var halfWidth = StudentT.InvCDF(0, 1, count - 1, 1 - (1 - settings.Confidence) / 2) * Math.Sqrt(Math.Max(0, variance) / count);
        var interval = new ConfidenceInterval(mean - halfWidth, mean + halfWidth, settings.Confidence, count);
        var verdict = interval.Upper < 0 && mean <= -settings.MinimumPoints ? SeverityVerdict.Harsh
            : interval.Lower > 0 && mean >= settings.MinimumPoints ? SeverityVerdict.Lenient
            : SeverityVerdict.InLine;
        return new SeverityEstimate(evaluatorId, count, mean, interval, verdict);
    }

    /// <summary>
    /// Every evaluator's severity over decided attempts, each given as its reviews (evaluator, percentage, passed) and decision.
    /// </summary>
    public static IReadOnlyList<SeverityEstimate> AssessAll(
        IEnumerable<(string AttemptId, IReadOnlyList<(string EvaluatorId, double Percent, bool Passed)> Reviews, bool Passed)> attempts,
        SeveritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return attempts
            .SelectMany(a => DivergenceRule.Deviations(a.AttemptId, a.Reviews, a.Passed))
            .GroupBy(d => d.EvaluatorId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Assess(g.Key, g.Select(d => d.Deviation.Deviation).ToList(), settings))
            .ToList();
    }
}
