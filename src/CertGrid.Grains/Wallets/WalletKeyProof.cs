using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertGrid.Grains.Wallets;

/// <summary>
/// The wallet's proof of possession of its key (OpenID4VCI 1.0 Appendix F.1): a JWT of <c>typ</c>
/// <c>openid4vci-proof+jwt</c>, signed (ES256) by the public key in its <c>jwk</c> header (or a <c>did:jwk</c> <c>kid</c>),
/// for this issuer (<c>aud</c>), recent (<c>iat</c>) and carrying the issuer's current <c>c_nonce</c>. The holder is the
/// key as a <c>did:jwk</c>.
/// </summary>
public static class WalletKeyProof
{
    public const string ProofType = "openid4vci-proof+jwt";
    public static readonly string[] Algorithms = [SecurityAlgorithms.EcdsaSha256];
    private static readonly TimeSpan Leeway = TimeSpan.FromMinutes(5);
    private static readonly JsonWebTokenHandler Tokens = new();

    /// <summary>The checked proof: the holder's did:jwk and the nonce it carries, or why it is refused.</summary>
    public sealed record Checked(string? HolderId, string? Nonce, string? Problem);

    public static async Task<Checked> CheckAsync(string? proofJwt, string audience, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(proofJwt) || proofJwt.Split('.') is not { Length: 3 } parts)
        {
            return new(null, null, "The credential request carries no proof JWT (proof.jwt).");
        }

        JsonObject header;
        try
        {
            header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))?.AsObject() ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return new(null, null, "The proof JWT's header is not base64url JSON.");
        }

        if (header["typ"]?.ToString() != ProofType)
        {
            return new(null, null, $"The proof JWT's typ must be '{ProofType}'.");
        }

        var jwkJson = JwkOf(header);
        if (jwkJson is null)
        {
            return new(null, null, "The proof JWT names its key neither by a 'jwk' header nor by a did:jwk 'kid'.");
        }

        JsonWebKey jwk;
        try
        {
            jwk = new JsonWebKey(jwkJson);
        }
        catch (ArgumentException)
        {
            return new(null, null, "The proof JWT's key is not a JWK.");
        }

        if (jwk.HasPrivateKey)
        {
            return new(null, null, "The proof JWT's jwk header carries a private key; send only the public key.");
        }

        var result = await Tokens.ValidateTokenAsync(proofJwt, new TokenValidationParameters
        {
            IssuerSigningKey = jwk,
            ValidAlgorithms = Algorithms,
            ValidTypes = [ProofType],
            ValidAudience = audience,
            ValidateIssuer = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            TryAllIssuerSigningKeys = true,
        });
        if (!result.IsValid)
        {
            return new(null, null, result.Exception switch
            {
                SecurityTokenInvalidAudienceException => $"The proof JWT's aud must be the credential issuer '{audience}'.",
                SecurityTokenInvalidAlgorithmException => "The proof JWT must be signed with ES256.",
                _ => "The proof JWT's signature does not verify with its key.",
            });
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (!token.TryGetPayloadValue<long>("iat", out var iat) || Math.Abs((DateTimeOffset.FromUnixTimeSeconds(iat) - now).TotalSeconds) > Leeway.TotalSeconds)
        {
            return new(null, null, "The proof JWT's iat is missing or not within five minutes of now.");
        }

        var nonce = token.TryGetPayloadValue<string>("nonce", out var value) ? value : null;
        var minimal = MinimalJwk(JsonNode.Parse(jwkJson)!.AsObject());
        return new("did:jwk:" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(minimal)), nonce, null);
    }

    private static string? JwkOf(JsonObject header)
    {
        if (header["jwk"] is JsonObject jwk)
        {
            return jwk.ToJsonString();
        }

        var kid = header["kid"]?.ToString();
        if (kid is null || !kid.StartsWith("did:jwk:", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(kid["did:jwk:".Length..].Split('#')[0]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // The public members only, so the holder id names the key and nothing else.
    private static string MinimalJwk(JsonObject jwk)
    {
        var minimal = new JsonObject();
        foreach (var member in new[] { "crv", "kty", "x", "y" })
        {
            if (jwk[member] is { } value)
            {
                minimal[member] = value.DeepClone();
            }
        }

        return minimal.ToJsonString();
    }
}
