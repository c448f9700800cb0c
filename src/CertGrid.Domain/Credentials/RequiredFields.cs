using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials;

/// <summary>The checks a data model's required-field rules are made of, each adding a sentence to a list of problems.</summary>
public static class RequiredFields
{
    public static string? AsString(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static void RequireString(JsonObject node, string name, List<string> problems, string path = "")
    {
        if (string.IsNullOrWhiteSpace(AsString(node[name])))
        {
            problems.Add($"{path}{name} is required");
        }
    }

    public static void RequireType(JsonObject node, string required, List<string> problems, string path = "")
    {
        if (!HasAnyType(node, required))
        {
            problems.Add($"{path}type must include {required}");
        }
    }

    public static bool HasAnyType(JsonObject node, params string[] types) => node["type"] switch
    {
        JsonArray array => array.Any(t => AsString(t) is { } s && types.Contains(s)),
        JsonValue value => AsString(value) is { } s && types.Contains(s),
        _ => false,
    };

    /// <summary>A <c>@context</c> array that starts with the VC 2.0 context and holds one matching <paramref name="prefix"/>.</summary>
    public static void RequireContext(JsonObject credential, string prefix, string what, List<string> problems)
    {
        if (credential["@context"] is not JsonArray context || context.Count < 2
            || AsString(context[0]) != OpenBadgeDocument.VcContext
            || !context.Any(c => AsString(c) is { } url && url.StartsWith(prefix, StringComparison.Ordinal)))
        {
            problems.Add($"@context must start with the VC 2.0 context and include the {what} context");
        }
    }

    /// <summary>The issuer as a Profile object with an id (both data models ask for one).</summary>
    public static void RequireIssuerProfile(JsonObject credential, List<string> problems)
    {
        switch (credential["issuer"])
        {
            case JsonObject issuer:
                RequireString(issuer, "id", problems, "issuer.");
                RequireType(issuer, "Profile", problems, "issuer.");
                break;
            case null:
                problems.Add("issuer is required");
                break;
            default:
                problems.Add("issuer must be a Profile object, not a bare id");
                break;
        }
    }

    /// <summary>At most one <c>credentialStatus</c> object, as the OB 3.0 and CLR 2.0 schemas allow.</summary>
    public static void RequireSingleStatus(JsonObject credential, List<string> problems)
    {
        if (credential["credentialStatus"] is { } status && status is not JsonObject)
        {
            problems.Add("credentialStatus must be one object");
        }
    }
}
