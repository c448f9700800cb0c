using System.Globalization;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Evaluators;

/// <summary>
/// Whether an evaluator can take a panel seat at all: active, available, with capacity, expertise and the language,
/// and calibrated when the community requires it.
/// </summary>
public static class EvaluatorEligibility
{
    /// <summary>Returns why the candidate cannot sit on this panel, or null.</summary>
    public static string? Find(EvaluatorCandidate candidate, PanelRequirements requirements)
    {
        if (!candidate.Active)
        {
            return "is inactive";
        }

        if (candidate.UnavailableUntil is { } until && until > requirements.Now)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is unavailable until {RetakeRules.Format(until)}");
        }

        if (candidate.ActiveAssignments >= candidate.MaxActiveAssignments)
        {
            return "has no capacity left";
        }

        var missing = MissingExpertise(candidate, requirements);
        if (missing.Count > 0)
        {
            return $"lacks expertise in {string.Join(", ", missing)}";
        }

        if (requirements.Language is { } language && !(candidate.Languages ?? []).Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            return $"does not review in '{language}'";
        }

        if (requirements.Calibration?.Required == true && candidate.Calibration?.Status != CalibrationStatus.Calibrated)
        {
            return $"is not calibrated: {(candidate.Calibration ?? CalibrationStanding.None).Reason}";
        }

        return null;
    }

    public static IReadOnlyList<string> MissingExpertise(EvaluatorCandidate candidate, PanelRequirements requirements)
    {
        if (requirements.Competencies.Count == 0)
        {
            return [];
        }

        var expertise = new HashSet<string>(candidate.Expertise ?? [], StringComparer.Ordinal);
        var missing = requirements.Competencies.Where(c => !expertise.Contains(c)).ToList();
        return requirements.Expertise == ExpertiseMatch.AnyCompetency && missing.Count < requirements.Competencies.Count ? [] : missing;
    }
}
