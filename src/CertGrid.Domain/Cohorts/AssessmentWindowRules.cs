using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Cohorts;

/// <summary>What makes a cohort's assessment windows sound: named, within the cohort's dates, closing after opening, for the cohort's credentials.</summary>
public static class AssessmentWindowRules
{
    public const int MaxWindows = 24;

    public static List<AssessmentWindow> Validate(IReadOnlyList<AssessmentWindow>? windows, CohortFacts cohort, string field)
    {
        var items = InputRules.RequireCount(windows ?? [], field, 0, MaxWindows);
        return items.Select((w, i) =>
        {
            var at = $"{field}[{i}]";
            if (w.Closes <= w.Opens)
            {
                throw CertGridException.Invalid($"{at}.closes", $"'{at}.closes' must be after '{at}.opens'.");
            }

            if (w.Opens < cohort.Start || w.Closes > cohort.End)
            {
                throw CertGridException.Invalid(at, $"'{at}' must lie within the cohort ({cohort.StartsOn:yyyy-MM-dd} to {cohort.EndsOn:yyyy-MM-dd}).");
            }

            var ids = (w.DefinitionIds ?? []).Distinct().ToList();
            if (ids.FirstOrDefault(id => !cohort.Includes(id)) is { } unknown)
            {
                throw CertGridException.Invalid($"{at}.credentialIds", $"Credential '{unknown}' is not one of the cohort's credentials.");
            }

            return new AssessmentWindow(InputRules.RequireText(w.Name, $"{at}.name"), w.Opens, w.Closes, ids);
        }).OrderBy(w => w.Opens).ToList();
    }
}
