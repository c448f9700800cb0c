using System.Text.RegularExpressions;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Demographics;

/// <summary>What a community may define and what a learner may declare.</summary>
public static partial class DemographicRules
{
    public const int MaximumAttributes = 20;
    public const int MaximumValues = 20;

    /// <summary>The attribute, checked: a code and value codes of lower-case letters, digits and hyphens, 2 to 20 distinct values, 1 to 10 labels.</summary>
    public static DemographicAttributeDefinition Valid(DemographicAttributeDefinition attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        RequireCode(attribute.Code, "input.code");
        InputRules.RequireCount(attribute.Values, "input.values", 2, MaximumValues);
        for (var i = 0; i < attribute.Values.Count; i++)
        {
            RequireCode(attribute.Values[i], $"input.values[{i}]");
        }

        InputRules.RequireUnique(attribute.Values, "input.values");
        InputRules.RequireCount(attribute.Labels, "input.labels", 1, 10);
        for (var i = 0; i < attribute.Labels.Count; i++)
        {
            InputRules.RequireText(attribute.Labels[i].Language, $"input.labels[{i}].language", maxLength: 10, minLength: 2);
            InputRules.RequireText(attribute.Labels[i].Text, $"input.labels[{i}].text", maxLength: 120);
        }

        return attribute;
    }

    /// <summary>The declaration, checked against the community's attributes: each attribute at most once, each value one it allows.</summary>
    public static IReadOnlyList<DeclaredValue> Valid(IReadOnlyList<DeclaredValue> values, IReadOnlyList<DemographicAttributeDefinition> attributes)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(attributes);
        InputRules.RequireCount(values, "values", 0, MaximumAttributes);
        for (var i = 0; i < values.Count; i++)
        {
            var attribute = attributes.FirstOrDefault(a => a.Code == values[i].Attribute)
                ?? throw CertGridException.Invalid($"values[{i}].attribute", $"'{values[i].Attribute}' is not an attribute this community asks about; it asks about: {string.Join(", ", attributes.Select(a => a.Code))}.");
            if (!attribute.Values.Contains(values[i].Value, StringComparer.Ordinal))
            {
                throw CertGridException.Invalid($"values[{i}].value", $"'{values[i].Value}' is not a value of '{attribute.Code}'; choose one of: {string.Join(", ", attribute.Values)}.");
            }
        }

        InputRules.RequireUnique(values.Select(v => v.Attribute).ToList(), "values");
        return values;
    }

    private static void RequireCode(string code, string field)
    {
        if (code is null || !CodePattern().IsMatch(code))
        {
            throw CertGridException.Invalid(field, $"'{field}' must be 1 to 40 lower-case letters, digits or hyphens (for example age-band).");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex CodePattern();
}
