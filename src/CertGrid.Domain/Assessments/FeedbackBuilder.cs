using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Assessments;

/// <summary>
/// Builds the learner's feedback from the panel's reviews: each criterion's awarded level (the decided levels, or
/// the panel's lower median) with every evaluator's note on it, and the overall notes.
/// </summary>
public static class FeedbackBuilder
{
    public static AttemptFeedback Build(
        Rubric rubric, IReadOnlyList<(IReadOnlyList<CriterionScore> Scores, string? OverallNote)> reviews, IReadOnlyList<CriterionResult>? decidedLevels, string decision)
    {
        var levels = decidedLevels is { Count: > 0 }
            ? decidedLevels
            : CriterionConsensus.Levels(rubric, reviews.Select(r => r.Scores).ToList());
        var criteria = new List<CriterionFeedback>(rubric.Criteria.Count);
        foreach (var criterion in rubric.Criteria)
        {
            var awarded = levels.FirstOrDefault(l => l.CriterionCode == criterion.Code);
            if (awarded is null)
            {
                continue;
            }

            var level = criterion.Levels.First(l => string.Equals(l.Name, awarded.Level.Trim(), StringComparison.OrdinalIgnoreCase));
            var notes = reviews
                .Select(r => r.Scores.FirstOrDefault(s => s.CriterionCode == criterion.Code)?.Note)
                .OfType<string>()
                .Where(n => n.Length > 0)
                .ToList();
            criteria.Add(new CriterionFeedback(criterion.Code, criterion.Name, level.Name, level.Points, criterion.MaxPoints, notes));
        }

        var overall = reviews.Select(r => r.OverallNote).OfType<string>().Where(n => n.Length > 0).ToList();
        return new AttemptFeedback(criteria, overall, decision);
    }
}
