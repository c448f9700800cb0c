using System.Globalization;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Practice;

/// <summary>
/// Builds a readiness report. A criterion is weak when its level (the mentor's when there is one, else the learner's
/// own) is below the credential's pass threshold as a share of the criterion's maximum points. The learner looks ready
/// when no criterion is weak and the estimated score meets the threshold.
/// </summary>
public static class ReadinessRules
{
    public static ReadinessReport Build(string definitionId, Rubric rubric, IReadOnlyList<CriterionScore>? self, IReadOnlyList<CriterionScore>? mentor)
    {
        var criteria = new List<CriterionReadiness>(rubric.Criteria.Count);
        foreach (var criterion in rubric.Criteria)
        {
            var selfLevel = Level(criterion, self);
            var mentorLevel = Level(criterion, mentor);
            var judged = mentorLevel ?? selfLevel;
            var percent = judged is null ? 0 : Math.Round(100.0 * judged.Points / criterion.MaxPoints, 2);
            criteria.Add(new CriterionReadiness(criterion.Code, criterion.Name, selfLevel?.Name, mentorLevel?.Name, percent, percent < rubric.PassThresholdPercent));
        }

        var selfPercent = self is { Count: > 0 } ? RubricScoring.Score(rubric, self).Percent : (double?)null;
        var mentorPercent = mentor is { Count: > 0 } ? RubricScoring.Score(rubric, mentor).Percent : (double?)null;
        var estimate = mentorPercent ?? selfPercent ?? 0;
        var weak = criteria.Where(c => c.Weak).Select(c => c.CriterionCode).ToList();
        var ready = weak.Count == 0 && estimate >= rubric.PassThresholdPercent;
        var summary = ready
            ? string.Create(CultureInfo.InvariantCulture, $"Ready: every criterion meets the {rubric.PassThresholdPercent}% bar (estimated {estimate:0.##}%).")
            : string.Create(CultureInfo.InvariantCulture,
                $"Not ready yet: estimated {estimate:0.##}% against a {rubric.PassThresholdPercent}% threshold; work on {(weak.Count == 0 ? "the overall standard" : string.Join(", ", criteria.Where(c => c.Weak).Select(c => $"{c.CriterionCode} ({c.CriterionName})")))}.");
        return new ReadinessReport(definitionId, selfPercent, mentorPercent, rubric.PassThresholdPercent, criteria, weak, ready, summary);
    }

    private static RubricLevel? Level(RubricCriterion criterion, IReadOnlyList<CriterionScore>? scores)
    {
        var score = scores?.FirstOrDefault(s => s.CriterionCode == criterion.Code);
        return score is null ? null : criterion.Levels.FirstOrDefault(l => string.Equals(l.Name, score.Level.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
