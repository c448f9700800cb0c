using System.Text.Json;
using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.DataIntegrity;
using CertGrid.Domain.Credentials.DataIntegrity.JsonLd;
using CertGrid.Domain.Credentials.DataIntegrity.Keys;
using CertGrid.Domain.Tests.Credentials;
using CertGrid.Testing;
using NSec.Cryptography;

namespace CertGrid.Domain.Tests.Credentials.DataIntegrity;

/// <summary>
/// Two verifiers that share no code with CertGrid — Digital Bazaar's (npm @digitalbazaar/vc with the eddsa-rdfc-2022
/// cryptosuite and jsonld, contexts from its own packages) and the Digital Credentials Consortium's
/// @digitalcredentials/verifier-core — run by tests/interop/verify-data-integrity.mjs, accept an Open Badges
/// credential CertGrid signed and reject it once a claim, the issuer or the key changes.
/// </summary>
public sealed class DataIntegrityInteropTests
{
    [Fact]
    public async Task IndependentVerifiersAcceptCertGridsProofAndRejectAlteredCopies()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var issuer = "did:key:" + Ed25519Multikey.PublicKeyOf(key);
        var signed = EddsaRdfc2022.Bundled.Sign(Credential(issuer), new(issuer + "#" + Ed25519Multikey.PublicKeyOf(key), DateTimeOffset.UtcNow), key);
        var renamed = Altered(signed, c => c["credentialSubject"]!["achievement"]!["name"] = "Another achievement");
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var otherIssuer = Altered(signed, c => c["issuer"]!["id"] = "did:key:" + Ed25519Multikey.PublicKeyOf(otherKey));
        var forged = EddsaRdfc2022.Bundled.Sign(Credential(issuer), new(issuer + "#" + Ed25519Multikey.PublicKeyOf(key), DateTimeOffset.UtcNow), otherKey);

        var results = await VerifyIndependentlyAsync(
            ("signed by CertGrid", signed, true),
            ("achievement renamed after signing", renamed, false),
            ("issuer changed after signing", otherIssuer, false),
            ("signed with a key that is not the issuer's", forged, false));

        Assert.All(results, r => Assert.True(r.GetProperty("ok").GetBoolean(), r.ToString()));
        Assert.True(EddsaRdfc2022.Bundled.Verify(signed, _ => key.PublicKey).Verified);
    }

    private static JsonObject Credential(string issuer)
    {
        var content = OpenBadgeDocumentTests.Sample(
            alignments: [new CompetencyAlignment("SEC-1", "Threat modelling", "https://certgrid.example/acme/frameworks/fwk_sec", "Security practice")],
            evidence: [new EvidenceItem("https://certgrid.example/acme/credentials/vc_7h3k/evidence/art_1", "Portfolio", new string('a', 64), "text/markdown", 2048)],
            validUntil: DateTimeOffset.UtcNow.AddYears(2));
        var credential = OpenBadgeDocument.Build(content with { Issuer = content.Issuer with { Id = issuer } });
        credential["@context"]!.AsArray().Add(JsonLdContextStore.OpenBadgesExtensions);
        return credential;
    }

    private static JsonObject Altered(JsonObject signed, Action<JsonObject> change)
    {
        var copy = (JsonObject)signed.DeepClone();
        change(copy);
        return copy;
    }

    private static async Task<List<JsonElement>> VerifyIndependentlyAsync(params (string Name, JsonObject Credential, bool ExpectVerified)[] cases)
    {
        var request = Path.GetTempFileName();
        await File.WriteAllTextAsync(request, JsonSerializer.Serialize(new
        {
            credentials = cases.Select(c => new { name = c.Name, credential = c.Credential, expectVerified = c.ExpectVerified }),
        }));
        var run = await NodeScript.RunAsync("tests/interop/verify-data-integrity.mjs", request);
        File.Delete(request);
        var lines = run.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(lines.Count == cases.Length, $"The verifiers reported {lines.Count} of {cases.Length} credentials.\n{run}");
        return lines;
    }
}
