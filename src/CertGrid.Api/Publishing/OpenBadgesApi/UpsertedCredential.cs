using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace CertGrid.Api.Publishing.OpenBadgesApi;

/// <summary>
/// Reads the body of <c>upsertCredential</c> (OB 3.0 section 6.2.2): a compact JWS (<c>text/plain</c>) whose payload is
/// an OpenBadgeCredential, or the credential as JSON (<c>application/json</c>). It must name itself (<c>id</c>, or
/// the JWT's <c>jti</c>) and be of type OpenBadgeCredential or AchievementCredential; its signature is the
/// business of whoever later verifies it, as the credential's own issuer is not this server.
/// </summary>
public sealed record UpsertedCredential(string Id, bool IsCompactJws, string Content)
{
    public const int MaxChars = 64 * 1024;

    public static bool TryRead(string? contentType, string body, [NotNullWhen(true)] out UpsertedCredential? credential, out string error)
    {
        credential = null;
        error = string.Empty;
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (body.Length is 0 or > MaxChars)
        {
            error = $"Send one credential of at most {MaxChars:N0} characters.";
            return false;
        }

        var isJws = media == "text/plain";
        if (!isJws && media != "application/json")
        {
            error = "Send the credential as application/json, or its VC-JWT (compact JWS) as text/plain.";
            return false;
        }

        var document = isJws ? JwsPayload(body.Trim()) : Parse(body);
        if (document is null)
        {
            error = isJws ? "The body is not a compact JWS whose payload is a JSON object." : "The body is not a JSON object.";
            return false;
        }

        var vc = document["vc"] as JsonObject ?? document;
        var id = (vc["id"] ?? document["jti"])?.GetValueKind() == JsonValueKind.String ? (vc["id"] ?? document["jti"])!.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 2000 || !Uri.TryCreate(id, UriKind.Absolute, out _))
        {
            error = "The credential has no id (an absolute URI in 'id', or the JWT's 'jti').";
            return false;
        }

        var types = vc["type"] is JsonArray array ? array.Select(t => t?.ToString()) : [vc["type"]?.ToString()];
        if (!types.Any(t => t is "OpenBadgeCredential" or "AchievementCredential"))
        {
            error = "The credential's type must include OpenBadgeCredential or AchievementCredential.";
            return false;
        }

        credential = new UpsertedCredential(id, isJws, isJws ? body.Trim() : body);
        return true;
    }

    private static JsonObject? JwsPayload(string jws)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
        {
            return null;
        }

        try
        {
            return Parse(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[1])));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonObject? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
