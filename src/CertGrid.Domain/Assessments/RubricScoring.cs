using CertGrid.Domain.Errors;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Assessments;

/// <summary>
/// Scores a review: every criterion must be scored exactly once with one of its levels. Each criterion
/// contributes <c>weight × points / maxPoints</c>; the review's percentage is that sum over the total
/// weight, and it passes when it reaches the rubric's threshold.
/// </summary>
public static class RubricScoring
{
    public static ReviewScore Score(Rubric rubric, IReadOnlyList<CriterionScore>? scores, string field = "scores")
    {
        var given = scores ?? [];
        InputRules.RequireUnique(given.Select(s => s.CriterionCode), $"{field}.criterionCode");

        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        double weighted = 0;
        var totalWeight = 0;
        foreach (var criterion in rubric.Criteria)
        {
            var score = given.FirstOrDefault(s => s.CriterionCode == criterion.Code)
                ?? throw CertGridException.Invalid(field, $"Criterion '{criterion.Code}' ({criterion.Name}) has no score.");
            var level = criterion.Levels.FirstOrDefault(l => string.Equals(l.Name, score.Level?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw CertGridException.Invalid(field,
                    $"'{score.Level}' is not a level of criterion '{criterion.Code}'. Choose one of: {string.Join(", ", criterion.Levels.Select(l => l.Name))}.");
            InputRules.OptionalText(score.Note, $"{field}.note", InputRules.NoteMaxLength);

            points[criterion.Code] = level.Points;
            weighted += criterion.Weight * (double)level.Points / criterion.MaxPoints;
            totalWeight += criterion.Weight;
        }

        var unknown = given.FirstOrDefault(s => rubric.Criteria.All(c => c.Code != s.CriterionCode));
        if (unknown is not null)
        {
            throw CertGridException.Invalid(field, $"Criterion '{unknown.CriterionCode}' is not in this credential's rubric.");
        }

        var percent = Math.Round(100 * weighted / totalWeight, 2);
        return new ReviewScore(percent, percent >= rubric.PassThresholdPercent, points);
    }
}
