using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Assessments;

/// <summary>
/// The level a panel awards on each criterion: the lower median of the levels its evaluators picked, so one
/// generous or harsh evaluator cannot move the result alone.
/// </summary>
public static class CriterionConsensus
{
    public static IReadOnlyList<CriterionResult> Levels(Rubric rubric, IReadOnlyList<IReadOnlyList<CriterionScore>> reviews)
    {
        var results = new List<CriterionResult>(rubric.Criteria.Count);
        foreach (var criterion in rubric.Criteria)
        {
            var picked = reviews
                .Select(scores => scores.FirstOrDefault(s => s.CriterionCode == criterion.Code))
                .OfType<CriterionScore>()
                .Select(s => criterion.Levels.First(l => string.Equals(l.Name, s.Level.Trim(), StringComparison.OrdinalIgnoreCase)))
                .OrderBy(l => l.Points)
                .ToList();
            if (picked.Count > 0)
            {
                results.Add(new CriterionResult(criterion.Code, picked[(picked.Count - 1) / 2].Name));
            }
        }

        return results;
    }
}
