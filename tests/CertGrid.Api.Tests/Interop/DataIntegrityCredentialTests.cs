using System.Net;
using System.Text.Json.Nodes;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Interop;

/// <summary>
/// A community that chooses Data Integrity issues credentials with an <c>eddsa-rdfc-2022</c> proof by its did:web,
/// whose DID document publishes the Ed25519 key as a Multikey; Digital Bazaar's @digitalbazaar/vc and the DCC's
/// @digitalcredentials/verifier-core accept what CertGrid serves (resolving the did:web to the document CertGrid
/// published) and reject a changed copy. With both formats chosen the same credential is also a VC-JWT that verifies.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class DataIntegrityCredentialTests(SharedServerFixture server)
{
    [Fact]
    public async Task A_community_offering_both_formats_serves_a_data_integrity_credential_the_npm_verifiers_accept()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var before = await server.GraphQl.DataAsync("{ credentialProofFormat }", key: scenario.AdminKey);
        Assert.Equal("VC_JWT", before.GetProperty("credentialProofFormat").GetString());
        var chosen = await server.GraphQl.DataAsync("mutation { setCredentialProofFormat(format: VC_JWT_AND_DATA_INTEGRITY) }", key: scenario.AdminKey);
        Assert.Equal("VC_JWT_AND_DATA_INTEGRITY", chosen.GetProperty("setCredentialProofFormat").GetString());
        var audit = await server.GraphQl.DataAsync("{ auditLog(first: 50) { nodes { action } } }", key: scenario.AdminKey);
        Assert.Contains("issuer.proof-format-changed", audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("action").GetString()));

        var (id, issued) = await EarnAsync(scenario);
        Assert.Equal("VC_JWT_AND_DATA_INTEGRITY", issued.GetProperty("proofFormat").GetString());
        using var http = server.Cluster.CreateClient();
        var served = JsonNode.Parse(await http.GetStringAsync($"/c/{scenario.Community}/credentials/{id}"))!.AsObject();
        var did = $"did:web:127.0.0.1%3A{server.Cluster.PublicBaseUrl.Port}:c:{scenario.Community}";
        Assert.Equal(did, served["issuer"]!["id"]!.GetValue<string>());
        Assert.Equal("eddsa-rdfc-2022", served["proof"]!["cryptosuite"]!.GetValue<string>());
        Assert.Equal(issued.GetProperty("dataIntegrity").GetString(), served.ToJsonString());

        var didDocument = JsonNode.Parse(await http.GetStringAsync($"/c/{scenario.Community}/did.json"))!.AsObject();
        var multikey = didDocument["verificationMethod"]!.AsArray().Single(m => m!["type"]!.GetValue<string>() == "Multikey")!;
        Assert.StartsWith("z6Mk", multikey["publicKeyMultibase"]!.GetValue<string>());
        Assert.Equal(served["proof"]!["verificationMethod"]!.GetValue<string>(), multikey["id"]!.GetValue<string>());
        Assert.Contains(multikey["id"]!.GetValue<string>(), didDocument["assertionMethod"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains("https://w3id.org/security/multikey/v1", didDocument["@context"]!.AsArray().Select(c => c!.GetValue<string>()));

        // The same credential as a VC-JWT, issued by the did:web, verifies with CertGrid's own verifier.
        var verified = await server.GraphQl.DataAsync("query($c: String!) { verifyCredential(credential: $c) { valid checks { name outcome detail } } }",
            new { c = issued.GetProperty("jwt").GetString() });
        Assert.True(verified.GetProperty("verifyCredential").GetProperty("valid").GetBoolean(), verified.ToString());

        var renamed = served.DeepClone().AsObject();
        renamed["credentialSubject"]!["achievement"]!["name"] = "A grander achievement";
        var run = await VerifyIndependentlyAsync(didDocument, ("served by CertGrid", served, true), ("achievement renamed after signing", renamed, false));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.Lines.Count);
    }

    [Fact]
    public async Task A_community_offering_data_integrity_only_does_not_serve_the_jwt_and_validates_the_choice()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        await server.GraphQl.DataAsync("mutation { setCredentialProofFormat(format: DATA_INTEGRITY) }", key: scenario.AdminKey);
        var (id, issued) = await EarnAsync(scenario);
        Assert.Equal("DATA_INTEGRITY", issued.GetProperty("proofFormat").GetString());

        using var http = server.Cluster.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/c/{scenario.Community}/credentials/{id}");
        request.Headers.Accept.ParseAdd("application/vc+jwt");
        using var refused = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.Contains("NOT_ACCEPTABLE", await refused.Content.ReadAsStringAsync());
        Assert.Contains("eddsa-rdfc-2022", await http.GetStringAsync($"/c/{scenario.Community}/credentials/{id}"));

        var learner = await scenario.EnrolLearnerAsync();
        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation { setCredentialProofFormat(format: VC_JWT) }", key: learner.Key);
    }

    private async Task<(string Id, JsonElement Issued)> EarnAsync(CommunityScenario scenario)
    {
        var (id, learner) = await scenario.EarnCredentialAsync();
        var issued = await server.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { jwt dataIntegrity proofFormat } }", new { id }, learner.Key);
        return (id, issued.GetProperty("credential"));
    }

    private static async Task<NodeScriptResult> VerifyIndependentlyAsync(JsonObject didDocument, params (string Name, JsonObject Credential, bool ExpectVerified)[] cases)
    {
        var request = Path.GetTempFileName();
        await File.WriteAllTextAsync(request, new JsonObject
        {
            ["credentials"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["credential"] = c.Credential.DeepClone(), ["expectVerified"] = c.ExpectVerified,
            }).ToArray()),
            ["didDocuments"] = new JsonObject { [didDocument["id"]!.GetValue<string>()] = didDocument.DeepClone() },
        }.ToJsonString());
        var run = await NodeScript.RunAsync("tests/interop/verify-data-integrity.mjs", request);
        File.Delete(request);
        return run;
    }
}
