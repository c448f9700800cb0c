namespace CertGrid.Api.Tests.HostileInput;

/// <summary>
/// Valid-looking values for the arguments the suite is not attacking at the moment, so the hostile one travels as far
/// as it can: ids of the fixture's real learner, evaluator, framework and credential where an argument's name says
/// which it wants, well-formed text, numbers, dates and enum values otherwise.
/// </summary>
public sealed class PlausibleValues(IntrospectedSchema schema, KnownIds ids)
{
    public object? For(string field, string name, TypeRef type, int depth = 0)
    {
        var nullable = type.Nullable;
        if (nullable.IsList)
        {
            return new List<object?> { For(field, name, nullable.OfType!, depth + 1) };
        }

        var named = schema.Types[nullable.NamedType];
        return named.Kind switch
        {
            "ENUM" => named.EnumValues[0],
            "INPUT_OBJECT" => depth > 5 ? new Dictionary<string, object?>() : named.InputFields.Where(f => f.Type.IsNonNull)
                .ToDictionary(f => f.Name, f => For(field, f.Name, f.Type, depth + 1)),
            _ => Scalar(field, name, named.Name),
        };
    }

    private object Scalar(string field, string name, string typeName) => typeName switch
    {
        "Int" or "Long" => 1,
        "Float" => 1.5,
        "Boolean" => false,
        "DateTimeOffset" => DateTimeOffset.UtcNow.AddDays(7).ToString("O"),
        "DateOnly" => DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd"),
        _ => Text(field, name.ToLowerInvariant()),
    };

    private string Text(string field, string name) => name switch
    {
        _ when name.Contains("email", StringComparison.Ordinal) => "hostile.suite@example.org",
        _ when name.Contains("url", StringComparison.Ordinal) => "https://example.org/hostile-suite",
        "language" or "languages" => "en",
        "code" or "codes" or "competencycode" or "competencycodes" or "expertise" or "corecompetencycodes" => "OBS-1",
        "learnerid" or "learnerids" or "subjectid" => ids.Learner,
        "evaluatorid" or "mentorevaluatorid" => ids.Evaluator,
        "frameworkid" => ids.Framework,
        "credentialid" or "credentialids" or "credentialdefinitionid" or "definitionid" => ids.CredentialDefinition,
        "communityid" => ids.Community,
        "person" or "otherperson" or "mentor" => $"learner:{ids.Learner}",
        "mentors" => $"evaluator:{ids.Evaluator}",
        "id" when field.Contains("Framework", StringComparison.Ordinal) => ids.Framework,
        "id" when field.Contains("Credential", StringComparison.Ordinal) && !field.Contains("reissue", StringComparison.OrdinalIgnoreCase) => ids.CredentialDefinition,
        "id" when field.Contains("earner", StringComparison.Ordinal) => ids.Learner,
        "id" when field.Contains("valuator", StringComparison.Ordinal) => ids.Evaluator,
        _ => "Hostile suite text",
    };
}
