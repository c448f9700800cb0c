using CertGrid.Domain.Errors;
using CertGrid.Domain.Languages;

namespace CertGrid.Domain.Programs;

/// <summary>
/// What makes a framework version valid: named; uniquely coded domains and competencies; each competency with at
/// least one measurable outcome, in a domain the framework has; a proficiency scale of 2–10 uniquely ranked,
/// uniquely named levels (the Dreyfus scale when none is given); translations with valid language tags.
/// </summary>
public static class FrameworkContentRules
{
    public const int MaxCompetencies = 200;
    public const int MaxDomains = 30;
    public const int MaxOutcomes = 20;
    public const int MaxLevels = 10;

    public static FrameworkContent Validate(FrameworkContent? content, string field = "input")
    {
        if (content is null)
        {
            throw CertGridException.Invalid(field, $"'{field}' is required.");
        }

        var domains = ValidateDomains(content.Domains ?? [], $"{field}.domains");
        var domainCodes = domains.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        return new FrameworkContent(
            InputRules.RequireText(content.Name, $"{field}.name"),
            InputRules.OptionalText(content.Description, $"{field}.description"),
            domains,
            ValidateCompetencies(content.Competencies, domainCodes, $"{field}.competencies"),
            ValidateLevels(content.Levels is { Count: > 0 } levels ? levels : ProficiencyLevel.Default, $"{field}.levels"),
            LanguageMap.Validate(content.NameTranslations, $"{field}.nameTranslations", InputRules.NameMaxLength),
            LanguageMap.Validate(content.DescriptionTranslations, $"{field}.descriptionTranslations"));
    }

    private static List<CompetencyDomain> ValidateDomains(IReadOnlyList<CompetencyDomain> domains, string field)
    {
        InputRules.RequireCount(domains, field, 0, MaxDomains);
        InputRules.RequireUnique(domains.Select(d => d.Code?.Trim()), $"{field}.code");
        return domains.Select((d, i) => new CompetencyDomain(
            RubricRules.RequireCode(d.Code, $"{field}[{i}].code"),
            InputRules.RequireText(d.Name, $"{field}[{i}].name"),
            InputRules.OptionalText(d.Description, $"{field}[{i}].description"),
            LanguageMap.Validate(d.NameTranslations, $"{field}[{i}].nameTranslations", InputRules.NameMaxLength),
            LanguageMap.Validate(d.DescriptionTranslations, $"{field}[{i}].descriptionTranslations"))).ToList();
    }

    private static List<Competency> ValidateCompetencies(IReadOnlyList<Competency>? competencies, HashSet<string> domainCodes, string field)
    {
        var items = InputRules.RequireCount(competencies, field, 1, MaxCompetencies);
        InputRules.RequireUnique(items.Select(c => c.Code?.Trim()), $"{field}.code");
        return items.Select((c, i) =>
        {
            var at = $"{field}[{i}]";
            var domain = string.IsNullOrWhiteSpace(c.DomainCode) ? null : c.DomainCode.Trim();
            if (domain is not null && !domainCodes.Contains(domain))
            {
                throw CertGridException.Invalid($"{at}.domainCode", $"Domain '{domain}' is not one of the framework's domains.");
            }

            return new Competency(
                RubricRules.RequireCode(c.Code, $"{at}.code"),
                InputRules.RequireText(c.Name, $"{at}.name"),
                InputRules.OptionalText(c.Description, $"{at}.description"),
                Lines(InputRules.RequireCount(c.Outcomes, $"{at}.outcomes", 1, MaxOutcomes), $"{at}.outcomes"),
                Lines(InputRules.RequireCount(c.Behaviours ?? [], $"{at}.behaviours", 0, MaxOutcomes), $"{at}.behaviours"),
                domain,
                LanguageMap.Validate(c.NameTranslations, $"{at}.nameTranslations", InputRules.NameMaxLength),
                LanguageMap.Validate(c.DescriptionTranslations, $"{at}.descriptionTranslations"));
        }).ToList();
    }

    private static List<ProficiencyLevel> ValidateLevels(IReadOnlyList<ProficiencyLevel> levels, string field)
    {
        InputRules.RequireCount(levels, field, 2, MaxLevels);
        InputRules.RequireUnique(levels.Select(l => l.Rank), $"{field}.rank");
        InputRules.RequireUniqueBy(levels.Select(l => l.Name?.Trim()), name => name?.ToUpperInvariant(), $"{field}.name");
        return levels.Select((l, i) => new ProficiencyLevel(
                InputRules.RequireRange(l.Rank, $"{field}[{i}].rank", 1, MaxLevels),
                InputRules.RequireText(l.Name, $"{field}[{i}].name", 60),
                InputRules.OptionalText(l.Description, $"{field}[{i}].description"),
                LanguageMap.Validate(l.NameTranslations, $"{field}[{i}].nameTranslations", 60),
                LanguageMap.Validate(l.DescriptionTranslations, $"{field}[{i}].descriptionTranslations")))
            .OrderBy(l => l.Rank)
            .ToList();
    }

    private static List<string> Lines(IReadOnlyList<string> lines, string field) =>
        lines.Select((line, j) => InputRules.RequireText(line, $"{field}[{j}]", 500)).ToList();
}
