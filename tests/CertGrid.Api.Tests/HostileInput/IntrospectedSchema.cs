namespace CertGrid.Api.Tests.HostileInput;

/// <summary>A type reference as introspection gives it: NON_NULL and LIST wrap a named type.</summary>
public sealed record TypeRef(string Kind, string? Name, TypeRef? OfType)
{
    public bool IsNonNull => Kind == "NON_NULL";

    public bool IsList => Kind == "LIST";

    /// <summary>The type inside NON_NULL (or this one).</summary>
    public TypeRef Nullable => IsNonNull ? OfType! : this;

    public string NamedType => Name ?? OfType!.NamedType;

    /// <summary>As written in a variable definition: <c>[String!]!</c>.</summary>
    public string ToGraphQl() => Kind switch
    {
        "NON_NULL" => OfType!.ToGraphQl() + "!",
        "LIST" => $"[{OfType!.ToGraphQl()}]",
        _ => Name!,
    };

    public static TypeRef Read(JsonElement json) => new(
        json.GetProperty("kind").GetString()!,
        json.GetProperty("name").GetString(),
        json.TryGetProperty("ofType", out var inner) && inner.ValueKind == JsonValueKind.Object ? Read(inner) : null);
}

/// <summary>An argument or an input field.</summary>
public sealed record InputValue(string Name, TypeRef Type);

public sealed record SchemaField(string Name, string? Description, IReadOnlyList<InputValue> Args, TypeRef Type);

public sealed record SchemaType(string Kind, string Name, IReadOnlyList<SchemaField> Fields, IReadOnlyList<InputValue> InputFields, IReadOnlyList<string> EnumValues);

/// <summary>The schema as a client sees it through introspection: the root fields and every named type.</summary>
public sealed record IntrospectedSchema(IReadOnlyList<SchemaField> Queries, IReadOnlyList<SchemaField> Mutations, IReadOnlyDictionary<string, SchemaType> Types)
{
    private const string Query = """
        { __schema { types { kind name
            fields { name description args { name type { ...T } } type { ...T } }
            inputFields { name type { ...T } }
            enumValues { name } } } }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    public static async Task<IntrospectedSchema> LoadAsync(GraphQlClient graphQl)
    {
        var data = await graphQl.DataAsync(Query);
        var types = data.GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => new SchemaType(
            t.GetProperty("kind").GetString()!,
            t.GetProperty("name").GetString()!,
            List(t, "fields").Select(f => new SchemaField(f.GetProperty("name").GetString()!, f.GetProperty("description").GetString(), Inputs(f, "args"), TypeRef.Read(f.GetProperty("type")))).ToList(),
            Inputs(t, "inputFields"),
            List(t, "enumValues").Select(e => e.GetProperty("name").GetString()!).ToList())).ToDictionary(t => t.Name);
        return new IntrospectedSchema(types["Query"].Fields, types["Mutation"].Fields, types);
    }

    private static List<JsonElement> List(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    private static List<InputValue> Inputs(JsonElement parent, string name) =>
        List(parent, name).Select(i => new InputValue(i.GetProperty("name").GetString()!, TypeRef.Read(i.GetProperty("type")))).ToList();
}
