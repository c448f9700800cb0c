using System.Globalization;

namespace CertGrid.Domain.Programs;

/// <summary>How a credential's evidence is scored and decided, in plain words (published with its rubric).</summary>
public static class ScoringMethodology
{
    public static IReadOnlyList<string> Describe(Rubric rubric, int evaluatorsPerAttempt)
    {
        var maximum = rubric.Criteria.Sum(c => c.Weight * c.MaxPoints);
        return
        [
            "Each evaluator scores every criterion by picking one of its levels; each level is worth the points shown.",
            string.Create(CultureInfo.InvariantCulture,
                $"A review's score is the sum of weight × points over all criteria, as a percentage of the weighted maximum ({maximum} points)."),
            .. rubric.Criteria.Select(c => string.Create(CultureInfo.InvariantCulture,
                $"{c.Code} {c.Name}: weight {c.Weight}, levels {string.Join(", ", c.Levels.Select(l => $"{l.Name} = {l.Points}"))}.")),
            string.Create(CultureInfo.InvariantCulture, $"A review passes at {rubric.PassThresholdPercent}% or more."),
            string.Create(CultureInfo.InvariantCulture,
                $"{evaluatorsPerAttempt} independent evaluators review each attempt. If all pass it, it passes; if all fail it, it fails; if they disagree, one more independent evaluator reviews it and the majority decides."),
            "The credential records, for each criterion, the lower median of the levels the panel picked, so one generous or harsh evaluator cannot move the result alone.",
        ];
    }
}
