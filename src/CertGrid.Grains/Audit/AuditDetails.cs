using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CertGrid.Grains.Audit;

/// <summary>
/// Turns the details of an audit event into the JSON the chain stores. Details too large for one entry are
/// kept as an excerpt with the SHA-256 of the whole, so an oversized note can never block the log.
/// </summary>
public static class AuditDetails
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(object details)
    {
        var json = JsonSerializer.Serialize(details, Json);
        if (json.Length <= AuditRow.MaxDetailsLength)
        {
            return json;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return JsonSerializer.Serialize(new { truncated = true, fullLength = json.Length, sha256 = digest, excerpt = json[..10_000] }, Json);
    }
}
