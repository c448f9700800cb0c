using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials;

/// <summary>
/// The Open Badges 3.0 required-field rules for an AchievementCredential (the JSON Schema's required members
/// and the VC 2.0 context order), checked on every verification so a partner learns what is malformed.
/// </summary>
public static class OpenBadgeShape
{
    public static IReadOnlyList<string> FindProblems(JsonObject credential)
    {
        var problems = new List<string>();
        if (credential["@context"] is not JsonArray context || context.Count < 2
            || AsString(context[0]) != OpenBadgeDocument.VcContext
            || !context.Any(c => AsString(c) is { } url && url.StartsWith("https://purl.imsglobal.org/spec/ob/v3p0/context", StringComparison.Ordinal)))
        {
            problems.Add("@context must start with the VC 2.0 context and include the Open Badges 3.0 context");
        }

        RequireTypes(credential, "type", problems, "VerifiableCredential");
        if (!HasAnyType(credential, "OpenBadgeCredential", "AchievementCredential"))
        {
            problems.Add("type must include OpenBadgeCredential or AchievementCredential");
        }

        RequireString(credential, "id", problems);
        RequireString(credential, "validFrom", problems);
        if (credential["issuer"] is JsonObject issuer)
        {
            RequireString(issuer, "id", problems, "issuer.");
            RequireTypes(issuer, "type", problems, "Profile", "issuer.");
        }
        else if (credential["issuer"] is null)
        {
            problems.Add("issuer is required");
        }
        else
        {
            problems.Add("issuer must be a Profile object, not a bare id");
        }

        if (credential["credentialSubject"] is not JsonObject subject)
        {
            problems.Add("credentialSubject is required");
            return problems;
        }

        if (subject["achievement"] is not JsonObject achievement)
        {
            problems.Add("credentialSubject.achievement is required");
            return problems;
        }

        RequireString(achievement, "id", problems, "credentialSubject.achievement.");
        RequireString(achievement, "name", problems, "credentialSubject.achievement.");
        RequireString(achievement, "description", problems, "credentialSubject.achievement.");
        RequireTypes(achievement, "type", problems, "Achievement", "credentialSubject.achievement.");
        if (achievement["criteria"] is not JsonObject)
        {
            problems.Add("credentialSubject.achievement.criteria is required");
        }

        return problems;
    }

    private static string? AsString(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void RequireString(JsonObject node, string name, List<string> problems, string path = "")
    {
        if (node[name] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{path}{name} is required");
        }
    }

    private static void RequireTypes(JsonObject node, string name, List<string> problems, string required, string path = "")
    {
        if (!HasAnyType(node, required))
        {
            problems.Add($"{path}{name} must include {required}");
        }
    }

    private static bool HasAnyType(JsonObject node, params string[] types) => node["type"] switch
    {
        JsonArray array => array.Any(t => t is JsonValue v && v.TryGetValue<string>(out var s) && types.Contains(s)),
        JsonValue value => value.TryGetValue<string>(out var s) && types.Contains(s),
        _ => false,
    };
}
