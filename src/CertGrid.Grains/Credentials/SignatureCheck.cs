using CertGrid.Abstractions.Credentials;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertGrid.Grains.Credentials;

/// <summary>Verifies a VC-JWT's signature against the issuer's published JWKS with Microsoft.IdentityModel.</summary>
public static class SignatureCheck
{
    private static readonly JsonWebTokenHandler Tokens = new();

    public static async Task<SignatureOutcome> VerifyAsync(ParsedVcJwt jwt, IReadOnlyList<PublicSigningKey> publishedKeys)
    {
        var published = publishedKeys.FirstOrDefault(k => k.KeyId == jwt.KeyId);
        if (published is null)
        {
            return new SignatureOutcome(false, $"the issuer publishes no key with kid '{jwt.KeyId}'");
        }

        if (published.Status == Domain.Credentials.SigningKeyStatus.Compromised)
        {
            return new SignatureOutcome(false, $"key '{jwt.KeyId}' was withdrawn as compromised ({published.RetirementReason}); the credential must be re-issued");
        }

        if (published.Algorithm != jwt.Algorithm)
        {
            return new SignatureOutcome(false, $"key '{jwt.KeyId}' is an {published.Algorithm} key but the token claims {jwt.Algorithm}");
        }

        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new JsonWebKey(published.JwkJson),
            ValidAlgorithms = [published.Algorithm],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            // The one key matched above; the header's kid is its URL, not the JWK's own kid, so match by key, not by kid.
            TryAllIssuerSigningKeys = true,
        };
        var result = await Tokens.ValidateTokenAsync(jwt.Compact, parameters);
        return result.IsValid
            ? new SignatureOutcome(true, $"signed by key '{jwt.KeyId}' ({jwt.Algorithm}) published by the issuer")
            : new SignatureOutcome(false, "the signature does not match the content: the credential was altered or signed by someone else");
    }
}
