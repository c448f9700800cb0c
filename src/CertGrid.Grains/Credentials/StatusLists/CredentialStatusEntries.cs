using System.Globalization;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Credentials.StatusLists;

namespace CertGrid.Grains.Credentials.StatusLists;

/// <summary>
/// The <c>credentialStatus</c> of a credential: one BitstringStatusListEntry in a <c>message</c> list, two bits
/// wide, whose <c>statusMessage</c> says which value means revoked and which suspended. The Open Badges 3.0 schema
/// allows a single <c>credentialStatus</c> object; credentials issued before carried an array of two 1-bit entries
/// (revocation, suspension), which <see cref="Read"/> still understands.
/// </summary>
public static class CredentialStatusEntries
{
    public static JsonObject ToJson(PublicRoutes routes, string community, StatusListEntry entry)
    {
        var list = routes.StatusList(community, entry.Purpose, entry.ListNumber);
        var index = entry.Index.ToString(CultureInfo.InvariantCulture);
        var status = new JsonObject
        {
            ["id"] = $"{list}#{index}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = entry.Purpose.ToWireName(),
            ["statusListIndex"] = index,
            ["statusListCredential"] = list,
        };
        if (entry.Purpose == StatusPurpose.Message)
        {
            status["statusSize"] = CredentialStatusCode.Bits;
            status["statusMessage"] = new JsonArray(CredentialStatusCode.Messages
                .Select(m => (JsonNode)new JsonObject { ["status"] = m.Status, ["message"] = m.Message }).ToArray());
        }

        return status;
    }

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
            if (AsString(item["type"]) == "BitstringStatusListEntry"
                && AsString(item["statusListCredential"]) is { } url
                && StatusPurposes.TryParse(AsString(item["statusPurpose"]), out var purpose)
                && DeclaredSize(item) == purpose.EntryBits()
                && int.TryParse(AsString(item["statusListIndex"]), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                entries.Add((url, purpose, index));
            }
        }

        return entries;
    }

    private static int DeclaredSize(JsonObject item) =>
        item["statusSize"] is JsonValue size && size.TryGetValue<int>(out var bits) ? bits : 1;

    private static string? AsString(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
