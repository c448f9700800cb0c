using System.Text.RegularExpressions;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Languages;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Programs;

/// <summary>What makes a rubric publishable. Applied when a credential definition is saved.</summary>
public static partial class RubricRules
{
    public const int MaxCriteria = 30;
    public const int MaxLevels = 10;
    public const int MaxPoints = 1000;
    public const int MaxWeight = 100;
    public const int MaxExemplars = 5;

    public static Rubric Validate(Rubric? rubric, IReadOnlySet<string> frameworkCompetencies, string field = "rubric")
    {
        if (rubric is null)
        {
            throw CertGridException.Invalid(field, $"'{field}' is required.");
        }

        InputRules.RequireRange(rubric.PassThresholdPercent, $"{field}.passThresholdPercent", 1, 100);
        var criteria = InputRules.RequireCount(rubric.Criteria, $"{field}.criteria", 1, MaxCriteria);
        InputRules.RequireUniqueBy(criteria.Select(c => c.Code?.Trim()), code => code?.ToUpperInvariant(), $"{field}.criteria.code");

        var validated = new List<RubricCriterion>(criteria.Count);
        for (var i = 0; i < criteria.Count; i++)
        {
            validated.Add(ValidateCriterion(criteria[i], frameworkCompetencies, $"{field}.criteria[{i}]"));
        }

        return rubric with { Criteria = validated };
    }

    public static string RequireCode(string? code, string field)
    {
        var trimmed = InputRules.RequireText(code, field, 40);
        if (!CodePattern().IsMatch(trimmed))
        {
            throw CertGridException.Invalid(field, $"'{field}' must be letters, digits, '.', '_' or '-' (for example 'SEC-2').");
        }

        return trimmed;
    }

    private static RubricCriterion ValidateCriterion(RubricCriterion criterion, IReadOnlySet<string> competencies, string field)
    {
        var code = RequireCode(criterion.Code, $"{field}.code");
        var name = InputRules.RequireText(criterion.Name, $"{field}.name");
        var description = InputRules.OptionalText(criterion.Description, $"{field}.description");
        InputRules.RequireRange(criterion.Weight, $"{field}.weight", 1, MaxWeight);

        var aligned = InputRules.RequireCount(criterion.CompetencyCodes, $"{field}.competencyCodes", 1, 20);
        foreach (var competency in aligned)
        {
            if (!competencies.Contains(competency))
            {
                throw CertGridException.Invalid($"{field}.competencyCodes", $"Competency '{competency}' is not in the framework.");
            }
        }

        var levels = InputRules.RequireCount(criterion.Levels, $"{field}.levels", 2, MaxLevels);
        // Scoring matches level names ignoring case, so names must differ by more than case.
        InputRules.RequireUniqueBy(levels.Select(l => l.Name?.Trim()), name => name?.ToUpperInvariant(), $"{field}.levels.name");
        InputRules.RequireUnique(levels.Select(l => l.Points), $"{field}.levels.points");
        var validatedLevels = levels
            .Select((l, i) => new RubricLevel(
                InputRules.RequireText(l.Name, $"{field}.levels[{i}].name", 60),
                InputRules.RequireRange(l.Points, $"{field}.levels[{i}].points", 0, MaxPoints),
                InputRules.OptionalText(l.Descriptor, $"{field}.levels[{i}].descriptor"),
                ValidateExemplars(l.Exemplars, $"{field}.levels[{i}].exemplars"),
                LanguageMap.Validate(l.NameTranslations, $"{field}.levels[{i}].nameTranslations", 60),
                LanguageMap.Validate(l.DescriptorTranslations, $"{field}.levels[{i}].descriptorTranslations")))
            .OrderBy(l => l.Points)
            .ToList();

        // At least two levels with distinct points of 0 or more: the top level is always worth more than 0.
        return new RubricCriterion(code, name, description, aligned.ToList(), validatedLevels, criterion.Weight,
            LanguageMap.Validate(criterion.NameTranslations, $"{field}.nameTranslations", InputRules.NameMaxLength),
            LanguageMap.Validate(criterion.DescriptionTranslations, $"{field}.descriptionTranslations"));
    }

    /// <summary>Each exemplar has a title and exactly one of an http(s) URL or a resource-library id.</summary>
    private static List<Exemplar>? ValidateExemplars(IReadOnlyList<Exemplar>? exemplars, string field)
    {
        if (exemplars is null || exemplars.Count == 0)
        {
            return null;
        }

        InputRules.RequireCount(exemplars, field, 0, MaxExemplars);
        return exemplars.Select((e, i) =>
        {
            var url = InputRules.OptionalHttpsUrl(e.Url, $"{field}[{i}].url")?.ToString();
            var resource = string.IsNullOrWhiteSpace(e.ResourceId) ? null : EntityId.Require(e.ResourceId, IdPrefixes.Resource, $"{field}[{i}].resourceId");
            if ((url is null) == (resource is null))
            {
                throw CertGridException.Invalid($"{field}[{i}]", $"'{field}[{i}]' needs exactly one of 'url' or 'resourceId'.");
            }

            return new Exemplar(InputRules.RequireText(e.Title, $"{field}[{i}].title"), url, resource, InputRules.OptionalText(e.Description, $"{field}[{i}].description"));
        }).ToList();
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
