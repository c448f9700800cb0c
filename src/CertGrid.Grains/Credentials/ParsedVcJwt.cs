using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertGrid.Grains.Credentials;

/// <summary>A compact VC-JWT split into what verification needs. Parsing checks form only, never trust.</summary>
public sealed record ParsedVcJwt(
    string Compact,
    string Algorithm,
    string KeyId,
    string? Issuer,
    string? CredentialId,
    DateTimeOffset? NotBefore,
    DateTimeOffset? Expires,
    JsonObject Payload)
{
    public const int MaxLength = 100_000;
    public static readonly IReadOnlySet<string> AcceptedAlgorithms = new HashSet<string>(StringComparer.Ordinal) { "ES256", "RS256" };

    /// <summary>Parses a compact JWS, or says in a sentence why it is not a VC-JWT this verifier accepts.</summary>
    public static ParsedVcJwt? TryParse(string compact, out string problem)
    {
        problem = string.Empty;
        if (compact.Length > MaxLength || compact.Count(c => c == '.') != 2)
        {
            problem = "not a compact JWS (three base64url parts separated by dots)";
            return null;
        }

        JsonWebToken token;
        JsonObject? payload;
        try
        {
            token = new JsonWebToken(compact);
            payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)) as JsonObject;
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException or FormatException)
        {
            problem = "the header or payload is not base64url-encoded JSON";
            return null;
        }

        if (payload is null)
        {
            problem = "the payload is not a JSON object";
            return null;
        }

        if (!AcceptedAlgorithms.Contains(token.Alg))
        {
            problem = $"algorithm '{token.Alg}' is not accepted (ES256 or RS256)";
            return null;
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            problem = "the header has no 'kid' naming the signing key";
            return null;
        }

        return new ParsedVcJwt(
            compact, token.Alg, token.Kid,
            payload["iss"] is JsonValue iss && iss.TryGetValue<string>(out var issuer) ? issuer : null,
            payload["jti"] is JsonValue jti && jti.TryGetValue<string>(out var id) ? id : null,
            UnixTime(payload["nbf"]), UnixTime(payload["exp"]), payload);
    }

    private static DateTimeOffset? UnixTime(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
