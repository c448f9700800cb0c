using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CertGrid.Api.Tests.Identity;

/// <summary>
/// Access tokens an attacker makes from a genuine one they saw: the same claims (issuer, audience, subject, email, groups,
/// expiry), but signed with a key of their own under the provider's key id, or not signed at all ("alg": "none").
/// </summary>
public static class ForgedAccessTokens
{
    /// <summary>The token's header and claims unchanged, signed RS256 with a fresh key the provider never published.</summary>
    public static string SignedWithAnotherKey(string token)
    {
        var (header, claims) = Parts(token);
        using var key = RSA.Create(2048);
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{claims}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The token's claims under a header that says "alg": "none", with an empty signature.</summary>
    public static string WithoutSignature(string token)
    {
        var (header, claims) = Parts(token);
        var unsigned = JsonNode.Parse(Base64Url.DecodeFromChars(header))!.AsObject();
        unsigned["alg"] = "none";
        return $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(unsigned.ToJsonString()))}.{claims}.";
    }

    private static (string Header, string Claims) Parts(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        return (parts[0], parts[1]);
    }
}
