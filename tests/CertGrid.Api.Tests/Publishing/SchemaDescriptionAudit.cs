using System.Text.RegularExpressions;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>
/// Walks an introspection result (<c>__schema</c>) and names, by schema coordinate (<c>Type</c>, <c>Type.field</c>,
/// <c>Type.field(argument)</c>, <c>Enum.VALUE</c>, <c>@directive(argument)</c>), every element a partner's developer would
/// find undocumented: no description, a blank one, one that only restates the element's name, or a deprecation without a reason.
/// Introspection's own types (<c>__Schema</c>, …) belong to GraphQL and are skipped.
/// </summary>
public static partial class SchemaDescriptionAudit
{
    /// <summary>What GraphQL.NET and graphql-js write for a <c>@deprecated</c> without a reason: no help to anyone.</summary>
    private const string DefaultDeprecationReason = "No longer supported";

    /// <summary>What the audit reads of one type: its description, fields with their arguments, input fields and enum values.</summary>
    public const string TypeSelection =
        "name kind description " +
        "fields(includeDeprecated: true) { name description isDeprecated deprecationReason args { name description } } " +
        "inputFields { name description } " +
        "enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }";

    /// <summary>The type names and the directives with their arguments.</summary>
    public const string OutlineQuery = "{ __schema { types { name } directives { name description args { name description } } } }";

    /// <summary>One query reading the given types, each under an alias (<c>t0</c>, <c>t1</c>, …).</summary>
    public static string TypesQuery(IEnumerable<string> names) =>
        "{ " + string.Join(' ', names.Select((name, i) => $"t{i}: __type(name: {JsonSerializer.Serialize(name)}) {{ {TypeSelection} }}")) + " }";

    public static IReadOnlyList<string> Problems(JsonElement schema)
    {
        var problems = new List<string>();
        foreach (var type in schema.GetProperty("types").EnumerateArray())
        {
            var typeName = type.GetProperty("name").GetString()!;
            if (typeName.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            Check(problems, typeName, typeName, type);
            foreach (var field in Items(type, "fields"))
            {
                var fieldName = field.GetProperty("name").GetString()!;
                Check(problems, $"{typeName}.{fieldName}", fieldName, field);
                CheckDeprecation(problems, $"{typeName}.{fieldName}", field);
                foreach (var argument in Items(field, "args"))
                {
                    var argumentName = argument.GetProperty("name").GetString()!;
                    Check(problems, $"{typeName}.{fieldName}({argumentName})", argumentName, argument);
                }
            }

            foreach (var inputField in Items(type, "inputFields"))
            {
                var name = inputField.GetProperty("name").GetString()!;
                Check(problems, $"{typeName}.{name}", name, inputField);
            }

            foreach (var value in Items(type, "enumValues"))
            {
                var name = value.GetProperty("name").GetString()!;
                Check(problems, $"{typeName}.{name}", name, value);
                CheckDeprecation(problems, $"{typeName}.{name}", value);
            }
        }

        foreach (var directive in Items(schema, "directives"))
        {
            var name = directive.GetProperty("name").GetString()!;
            Check(problems, $"@{name}", name, directive);
            foreach (var argument in Items(directive, "args"))
            {
                var argumentName = argument.GetProperty("name").GetString()!;
                Check(problems, $"@{name}({argumentName})", argumentName, argument);
            }
        }

        return problems;
    }

    private static void Check(List<string> problems, string coordinate, string name, JsonElement element)
    {
        var description = element.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()!.Trim() : string.Empty;
        if (description.Length == 0)
        {
            problems.Add($"{coordinate} (no description)");
        }
        else if (Letters(description) == Letters(name) || Letters(description) == "the" + Letters(name))
        {
            problems.Add($"{coordinate} (its description only restates its name: '{description}')");
        }
    }

    private static void CheckDeprecation(List<string> problems, string coordinate, JsonElement element)
    {
        if (!element.TryGetProperty("isDeprecated", out var deprecated) || !deprecated.GetBoolean())
        {
            return;
        }

        var reason = element.GetProperty("deprecationReason").GetString()?.Trim();
        if (string.IsNullOrEmpty(reason) || reason == DefaultDeprecationReason)
        {
            problems.Add($"{coordinate} (deprecated without a reason: say what to use instead)");
        }
    }

    private static List<JsonElement> Items(JsonElement element, string property) =>
        element.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];

    private static string Letters(string text) => NotALetter().Replace(text, string.Empty).ToLowerInvariant();

    [GeneratedRegex(@"[^\p{L}\p{N}]")]
    private static partial Regex NotALetter();
}
