using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Progress;

/// <summary>
/// The level at which a learner demonstrated a competency: the best result of a rubric criterion aligned to it
/// in one of their credentials, as the rubric level, its share of the criterion's maximum, and the framework's
/// proficiency level that share corresponds to.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.demonstrated-competency")]
public sealed record DemonstratedCompetency(
    [property: Id(0)] string Code,
    [property: Id(1)] string RubricLevel,
    [property: Id(2)] int Percent,
    [property: Id(3)] string? Proficiency,
    [property: Id(4)] string CredentialId,
    [property: Id(5)] string DefinitionId);

/// <summary>Turns credential results into demonstrated competency levels.</summary>
public static class CompetencyEvidence
{
    /// <summary>For each competency the rubric assesses, the best criterion result aligned to it.</summary>
    public static IReadOnlyList<DemonstratedCompetency> FromResults(
        Rubric rubric, IReadOnlyList<CriterionResult> results, IReadOnlyList<ProficiencyLevel> scale, string credentialId, string definitionId)
    {
        var best = new Dictionary<string, DemonstratedCompetency>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var criterion = rubric.Criteria.FirstOrDefault(c => c.Code == result.CriterionCode);
            var level = criterion?.Levels.FirstOrDefault(l => string.Equals(l.Name, result.Level, StringComparison.OrdinalIgnoreCase));
            if (criterion is null || level is null)
            {
                continue;
            }

            var percent = criterion.MaxPoints == 0 ? 0 : (int)Math.Round(100.0 * level.Points / criterion.MaxPoints);
            foreach (var code in criterion.CompetencyCodes)
            {
                if (!best.TryGetValue(code, out var current) || current.Percent < percent)
                {
                    best[code] = new DemonstratedCompetency(code, level.Name, percent, Proficiency(scale, percent), credentialId, definitionId);
                }
            }
        }

        return best.Values.OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The best demonstration of each competency across several credentials.</summary>
    public static IReadOnlyList<DemonstratedCompetency> Best(IEnumerable<DemonstratedCompetency> demonstrations) =>
        demonstrations.GroupBy(d => d.Code, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(d => d.Percent).First())
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>The proficiency level a share of the maximum corresponds to: the scale split into equal bands, 0% the lowest.</summary>
    public static string? Proficiency(IReadOnlyList<ProficiencyLevel> scale, int percent)
    {
        if (scale.Count == 0)
        {
            return null;
        }

        var index = Math.Clamp((int)Math.Ceiling(percent / 100.0 * scale.Count) - 1, 0, scale.Count - 1);
        return scale.OrderBy(l => l.Rank).ElementAt(index).Name;
    }
}
