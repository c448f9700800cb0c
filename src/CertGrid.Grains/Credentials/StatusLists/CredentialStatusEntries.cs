using System.Globalization;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Credentials.StatusLists;

namespace CertGrid.Grains.Credentials.StatusLists;

/// <summary>The <c>credentialStatus</c> of a credential: one BitstringStatusListEntry per purpose.</summary>
public static class CredentialStatusEntries
{
    public static JsonArray ToJson(PublicRoutes routes, string community, IEnumerable<StatusListEntry> entries) =>
        new(entries.Select(entry =>
        {
            var list = routes.StatusList(community, entry.Purpose, entry.ListNumber);
            var index = entry.Index.ToString(CultureInfo.InvariantCulture);
            return (JsonNode)new JsonObject
            {
                ["id"] = $"{list}#{index}",
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = entry.Purpose.ToWireName(),
                ["statusListIndex"] = index,
                ["statusListCredential"] = list,
            };
        }).ToArray());

    /// <summary>The entries a credential document declares, read back from its JSON (unknown shapes are skipped).</summary>
    public static IReadOnlyList<(string ListUrl, StatusPurpose Purpose, int Index)> Read(JsonNode? credentialStatus)
    {
        var items = credentialStatus switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject single => [single],
            _ => [],
        };
        var entries = new List<(string, StatusPurpose, int)>();
        foreach (var item in items)
        {
            if (AsString(item["statusListCredential"]) is { } url
                && StatusPurposes.TryParse(AsString(item["statusPurpose"]), out var purpose)
                && int.TryParse(AsString(item["statusListIndex"]), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                entries.Add((url, purpose, index));
            }
        }

        return entries;
    }

    private static string? AsString(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
