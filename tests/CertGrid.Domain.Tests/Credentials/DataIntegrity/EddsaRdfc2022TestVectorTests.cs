using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials.DataIntegrity;
using CertGrid.Domain.Credentials.DataIntegrity.Keys;
using NSec.Cryptography;

namespace CertGrid.Domain.Tests.Credentials.DataIntegrity;

/// <summary>
/// Reproduces every intermediate value of the W3C <c>eddsa-rdfc-2022</c> test vectors (VC-DI-EdDSA, vendored
/// unchanged in W3cEddsaVectors/), step by step, from the unsigned credential and the key pair.
/// </summary>
public sealed class EddsaRdfc2022TestVectorTests
{
    private static readonly EddsaRdfc2022 Suite = W3cEddsaVectors.Cryptosuite;

    [Fact]
    public void TheKeyPairDecodesAndItsSecretDerivesItsPublicKey()
    {
        using var key = W3cEddsaVectors.SigningKey();

        Assert.Equal(W3cEddsaVectors.PublicKeyMultibase, Ed25519Multikey.PublicKeyOf(key));
        Assert.StartsWith("z6Mk", W3cEddsaVectors.PublicKeyMultibase, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(W3cEddsaVectors.Sets), MemberType = typeof(W3cEddsaVectors))]
    public void TransformationReproducesTheCanonicalDocumentAndItsHash(string set, string unsignedFile)
    {
        var canonical = Suite.Transform(W3cEddsaVectors.Json(unsignedFile), W3cEddsaVectors.ProofOptions(set));

        Assert.Equal(W3cEddsaVectors.Text($"{set}/canonDocDataInt.txt"), canonical);
        Assert.Equal(W3cEddsaVectors.Text($"{set}/docHashDataInt.txt"), Sha256Hex(canonical));
    }

    [Theory]
    [MemberData(nameof(W3cEddsaVectors.Sets), MemberType = typeof(W3cEddsaVectors))]
    public void ProofConfigurationReproducesTheConfigItsCanonicalFormAndItsHash(string set, string unsignedFile)
    {
        var canonical = Suite.ConfigureProof(W3cEddsaVectors.Json(unsignedFile), W3cEddsaVectors.ProofOptions(set), out var proofConfig);

        Assert.True(JsonNode.DeepEquals(W3cEddsaVectors.Json($"{set}/proofConfigDataInt.json"), proofConfig), proofConfig.ToJsonString());
        Assert.Equal(W3cEddsaVectors.Text($"{set}/proofCanonDataInt.txt"), canonical);
        Assert.Equal(W3cEddsaVectors.Text($"{set}/proofHashDataInt.txt"), Sha256Hex(canonical));
    }

    [Theory]
    [MemberData(nameof(W3cEddsaVectors.Sets), MemberType = typeof(W3cEddsaVectors))]
    public void HashingSigningAndSerialisationReproduceTheCombinedHashAndSignature(string set, string unsignedFile)
    {
        var document = W3cEddsaVectors.Json(unsignedFile);
        var options = W3cEddsaVectors.ProofOptions(set);
        using var key = W3cEddsaVectors.SigningKey();

        var hashData = EddsaRdfc2022.Hash(Suite.Transform(document, options), Suite.ConfigureProof(document, options, out _));
        var signature = SignatureAlgorithm.Ed25519.Sign(key, hashData);

        Assert.Equal(W3cEddsaVectors.Text($"{set}/combinedHashDataInt.txt"), Convert.ToHexStringLower(hashData));
        Assert.Equal(W3cEddsaVectors.Text($"{set}/sigHexDataInt.txt"), Convert.ToHexStringLower(signature));
        Assert.Equal(W3cEddsaVectors.Text($"{set}/sigBTC58DataInt.txt"), "z" + Base58Btc.Encode(signature));
    }

    [Theory]
    [MemberData(nameof(W3cEddsaVectors.Sets), MemberType = typeof(W3cEddsaVectors))]
    public void CreatingTheProofReproducesTheSignedCredential(string set, string unsignedFile)
    {
        var document = W3cEddsaVectors.Json(unsignedFile);
        using var key = W3cEddsaVectors.SigningKey();

        var secured = (JsonObject)document.DeepClone();
        secured["proof"] = Suite.CreateProof(document, W3cEddsaVectors.ProofOptions(set), key);

        Assert.True(JsonNode.DeepEquals(W3cEddsaVectors.Json($"{set}/signedDataInt.json"), secured), secured.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(W3cEddsaVectors.Sets), MemberType = typeof(W3cEddsaVectors))]
    public void TheSignedCredentialVerifiesAndATamperedCopyDoesNot(string set, string unsignedFile)
    {
        _ = unsignedFile;
        var signed = W3cEddsaVectors.Json($"{set}/signedDataInt.json");
        var tampered = (JsonObject)signed.DeepClone();
        tampered["validFrom"] = "2024-01-01T00:00:00Z";
        var otherKey = (JsonObject)signed.DeepClone();
        otherKey["proof"]!["verificationMethod"] = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

        var valid = Suite.Verify(signed, W3cEddsaVectors.ResolveDidKey);
        var changed = Suite.Verify(tampered, W3cEddsaVectors.ResolveDidKey);
        var wrongKey = Suite.Verify(otherKey, W3cEddsaVectors.ResolveDidKey);

        Assert.True(valid.Verified, valid.Reason);
        Assert.False(changed.Verified);
        Assert.Contains("signature does not match", changed.Reason, StringComparison.Ordinal);
        Assert.False(wrongKey.Verified);
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
