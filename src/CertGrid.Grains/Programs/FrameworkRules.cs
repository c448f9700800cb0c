using CertGrid.Domain.Programs;

namespace CertGrid.Grains.Programs;

/// <summary>What makes a competency framework valid: named, with uniquely coded competencies and their outcomes.</summary>
internal static class FrameworkRules
{
    public const int MaxCompetencies = 200;
    public const int MaxOutcomes = 20;

    public static List<Competency> ValidateCompetencies(IReadOnlyList<Competency>? competencies)
    {
        var items = InputRules.RequireCount(competencies, "input.competencies", 1, MaxCompetencies);
        InputRules.RequireUnique(items.Select(c => c.Code?.Trim()), "input.competencies.code");
        return items.Select((c, i) =>
        {
            var field = $"input.competencies[{i}]";
            var outcomes = InputRules.RequireCount(c.Outcomes, $"{field}.outcomes", 1, MaxOutcomes)
                .Select((o, j) => InputRules.RequireText(o, $"{field}.outcomes[{j}]", 500))
                .ToList();
            return new Competency(
                RubricRules.RequireCode(c.Code, $"{field}.code"),
                InputRules.RequireText(c.Name, $"{field}.name"),
                InputRules.OptionalText(c.Description, $"{field}.description"),
                outcomes);
        }).ToList();
    }
}
