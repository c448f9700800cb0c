using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials;
using Microsoft.IdentityModel.Tokens;

namespace CertGrid.Grains.Credentials.Keys;

/// <summary>
/// Creates signing keys and turns them into what JOSE needs: a public JWK whose <c>kid</c> is its RFC 7638
/// thumbprint, PKCS#8 private bytes for encryption at rest, and a <see cref="SecurityKey"/> to sign with.
/// </summary>
public static class SigningKeyMaterial
{
    public static (string KeyId, string PublicJwkJson, byte[] Pkcs8) Generate(SigningAlgorithm algorithm)
    {
        using AsymmetricAlgorithm key = algorithm == SigningAlgorithm.ES256
            ? ECDsa.Create(ECCurve.NamedCurves.nistP256)
            : RSA.Create(2048);
        var jwk = PublicJwk(key, algorithm);
        return ((string)jwk["kid"]!, jwk.ToJsonString(), key.ExportPkcs8PrivateKey());
    }

    public static SecurityKey PrivateSecurityKey(SigningAlgorithm algorithm, byte[] pkcs8, string keyId)
    {
        if (algorithm == SigningAlgorithm.ES256)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
        }

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    public static string JwsAlgorithm(SigningAlgorithm algorithm) =>
        algorithm == SigningAlgorithm.ES256 ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256;

    private static JsonObject PublicJwk(AsymmetricAlgorithm key, SigningAlgorithm algorithm)
    {
        // Members in lexicographic order, as RFC 7638 hashes them.
        JsonObject required;
        if (key is ECDsa ecdsa)
        {
            var p = ecdsa.ExportParameters(false);
            required = new JsonObject { ["crv"] = "P-256", ["kty"] = "EC", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!) };
        }
        else
        {
            var p = ((RSA)key).ExportParameters(false);
            required = new JsonObject { ["e"] = B64(p.Exponent!), ["kty"] = "RSA", ["n"] = B64(p.Modulus!) };
        }

        var thumbprint = B64(SHA256.HashData(Encoding.UTF8.GetBytes(required.ToJsonString())));
        var jwk = (JsonObject)required.DeepClone();
        jwk["kid"] = thumbprint;
        jwk["alg"] = algorithm.ToString();
        jwk["use"] = "sig";
        return jwk;
    }

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
