using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials.DataIntegrity;
using CertGrid.Domain.Credentials.DataIntegrity.JsonLd;
using CertGrid.Domain.Credentials.DataIntegrity.Keys;
using NSec.Cryptography;

namespace CertGrid.Domain.Tests.Credentials.DataIntegrity;

/// <summary>
/// Reads the vendored W3C VC-DI-EdDSA test vectors, and the cryptosuite they run with: CertGrid's bundled contexts
/// plus the two third-party contexts the vectors name (TestVectorContexts/).
/// </summary>
internal static class W3cEddsaVectors
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Credentials", "DataIntegrity");

    public static EddsaRdfc2022 Cryptosuite { get; } = new(new JsonLdProcessor(new JsonLdContextStore(new Dictionary<string, string>
    {
        ["https://www.w3.org/ns/credentials/examples/v2"] = File.ReadAllText(Path.Combine(Root, "TestVectorContexts", "credentials-examples-v2.jsonld")),
        ["https://w3id.org/citizenship/v4rc1"] = File.ReadAllText(Path.Combine(Root, "TestVectorContexts", "citizenship-v4rc1.jsonld")),
    })));

    /// <summary>The vector sets: the alumni credential (eddsa-rdfc-2022/) and the employment authorisation one (employ/).</summary>
    public static TheoryData<string, string> Sets => new()
    {
        { "eddsa-rdfc-2022", "unsigned.json" },
        { "eddsa-rdfc-2022/employ", "employmentAuth.json" },
    };

    public static string Text(string relativePath) => File.ReadAllText(Path.Combine(Root, "W3cEddsaVectors", "TestVectors", relativePath));

    public static JsonObject Json(string relativePath) => JsonNode.Parse(Text(relativePath))!.AsObject();

    public static string PublicKeyMultibase => Json("keyPair.json")["publicKeyMultibase"]!.GetValue<string>();

    public static Key SigningKey() => Ed25519Multikey.ImportSecretKey(Json("keyPair.json")["privateKeyMultibase"]!.GetValue<string>());

    /// <summary>The vector's proof options: its proof configuration without the <c>@context</c> the suite adds.</summary>
    public static JsonObject ProofOptions(string set)
    {
        var options = Json($"{set}/proofConfigDataInt.json");
        options.Remove("@context");
        return options;
    }

    /// <summary>A <c>did:key</c> verification method resolves to the key the DID itself encodes.</summary>
    public static PublicKey? ResolveDidKey(string verificationMethod)
    {
        const string prefix = "did:key:";
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        if (!verificationMethod.StartsWith(prefix, StringComparison.Ordinal) || hash < 0
            || verificationMethod[prefix.Length..hash] != verificationMethod[(hash + 1)..])
        {
            return null;
        }

        return Ed25519Multikey.ImportPublicKey(verificationMethod[(hash + 1)..]);
    }
}
