namespace CertGrid.Api.Tests.HostileInput;

/// <summary>
/// Walks the introspected schema and builds, for every argument of every root field and every field of the input
/// objects they take (three levels down), one request per hostile variant of its type. Other arguments carry plausible
/// values; the key is the role the field's description names (admins otherwise), so the value reaches the checks.
/// </summary>
public sealed class HostileRequests(IntrospectedSchema schema, PlausibleValues plausible)
{
    private const int MaxInputDepth = 3;
    private int _sample;

    public IEnumerable<HostileRequest> All() =>
        schema.Queries.SelectMany(f => ForField("query", f)).Concat(schema.Mutations.SelectMany(f => ForField("mutation", f)));

    private IEnumerable<HostileRequest> ForField(string operation, SchemaField field)
    {
        var role = RoleFor(field.Description);
        foreach (var argument in field.Args)
        {
            foreach (var (path, type) in Leaves([argument.Name], argument.Type, 0))
            {
                var named = schema.Types[type.NamedType];
                var value = plausible.For(field.Name, path[^1], type);
                foreach (var variant in MalformedValues.For(type, named, value, _sample++))
                {
                    yield return Build(operation, field, path, variant, role);
                }
            }
        }
    }

    /// <summary>The argument itself, then each field of the input object it takes (and theirs), with its path.</summary>
    private IEnumerable<(string[] Path, TypeRef Type)> Leaves(string[] path, TypeRef type, int depth)
    {
        yield return (path, type);
        var named = schema.Types[type.NamedType];
        if (named.Kind != "INPUT_OBJECT" || type.Nullable.IsList || depth >= MaxInputDepth)
        {
            yield break;
        }

        foreach (var field in named.InputFields)
        {
            foreach (var leaf in Leaves([.. path, field.Name], field.Type, depth + 1))
            {
                yield return leaf;
            }
        }
    }

    private HostileRequest Build(string operation, SchemaField field, string[] path, MalformedValue variant, string role)
    {
        var variables = new Dictionary<string, object?>();
        var declared = new List<string>();
        foreach (var argument in field.Args.Where(a => a.Name == path[0] || a.Type.IsNonNull))
        {
            var value = argument.Name != path[0] ? plausible.For(field.Name, argument.Name, argument.Type)
                : path.Length == 1 ? variant.Value
                : Replace(plausible.For(field.Name, argument.Name, argument.Type), path[1..], variant.Value);
            variables[argument.Name] = value;
            declared.Add(argument.Name);
        }

        var definitions = declared.Count == 0 ? "" : "(" + string.Join(", ", declared.Select(a => $"${a}: {field.Args.Single(x => x.Name == a).Type.ToGraphQl()}")) + ")";
        var arguments = declared.Count == 0 ? "" : "(" + string.Join(", ", declared.Select(a => $"{a}: ${a}")) + ")";
        var selection = schema.Types[field.Type.NamedType].Kind is "OBJECT" or "INTERFACE" or "UNION" ? " { __typename }" : "";
        return new HostileRequest(field.Name, string.Join('.', path), variant, $"{operation} Hostile{definitions} {{ {field.Name}{arguments}{selection} }}", variables, role);
    }

    private static Dictionary<string, object?> Replace(object? value, string[] path, object? replacement)
    {
        var fields = value is IDictionary<string, object?> existing ? new Dictionary<string, object?>(existing) : [];
        fields[path[0]] = path.Length == 1 ? replacement : Replace(fields.GetValueOrDefault(path[0]), path[1..], replacement);
        return fields;
    }

    /// <summary>The role a field's description names in its parenthesis, e.g. "(admin)" or "(learner)".</summary>
    private static string RoleFor(string? description) => description switch
    {
        null => "admin",
        _ when description.Contains("operator", StringComparison.OrdinalIgnoreCase) => "operator",
        _ when description.Contains("Needs no key", StringComparison.Ordinal) => "anonymous",
        _ when description.Contains("(learner", StringComparison.Ordinal) => "learner",
        _ when description.Contains("(evaluator", StringComparison.Ordinal) => "evaluator",
        _ when description.Contains("(partner", StringComparison.Ordinal) => "partner",
        _ => "admin",
    };
}
