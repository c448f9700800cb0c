using System.Text.Json.Nodes;

namespace CertGrid.Api.Tests.Credentials;

/// <summary>
/// Issue 20: a credential as a wallet holds it — JSON with an eddsa-rdfc-2022 Data Integrity proof — is verified by
/// verifyCredential like a VC-JWT: the proof against the community's Ed25519 keys, the issuer's record, the dates, the
/// status list and the Open Badges shape. A changed claim breaks the proof; a revocation is seen at once.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class DataIntegrityVerificationTests(SharedServerFixture server)
{
    private const string Verify = "query($c: String!) { verifyCredential(credential: $c) { valid holderName checks { name outcome detail } } }";

    [Fact]
    public async Task A_data_integrity_credential_verifies_and_a_changed_or_revoked_one_does_not()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        await server.GraphQl.DataAsync("mutation { setCredentialProofFormat(format: VC_JWT_AND_DATA_INTEGRITY) }", key: scenario.AdminKey);
        var (credentialId, _) = await scenario.EarnCredentialAsync();
        var stored = (await server.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { dataIntegrity } }", new { id = credentialId }, scenario.AdminKey))
            .GetProperty("credential").GetProperty("dataIntegrity").GetString();
        var document = JsonNode.Parse(stored!)!.AsObject();

        var valid = await VerifyAsync(document.ToJsonString());
        Assert.True(valid.GetProperty("valid").GetBoolean(), valid.ToString());
        Assert.Equal("PASSED", Check(valid, "format").Outcome);
        Assert.Contains("eddsa-rdfc-2022", Check(valid, "signature").Detail);

        // The same over plain HTTP, posted as {"credential": {…}} and as the credential itself.
        using var http = server.Cluster.CreateClient();
        foreach (var body in new[] { new JsonObject { ["credential"] = document.DeepClone() }, document })
        {
            using var posted = await http.PostAsync("/verify", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            var answer = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!;
            Assert.True(answer["valid"]!.GetValue<bool>(), answer.ToJsonString());
        }

        var changed = document.DeepClone().AsObject();
        changed["credentialSubject"]!["achievement"]!["name"] = "Grand Master of Everything";
        var forged = await VerifyAsync(changed.ToJsonString());
        Assert.False(forged.GetProperty("valid").GetBoolean());
        Assert.Equal("FAILED", Check(forged, "signature").Outcome);

        var stranger = document.DeepClone().AsObject();
        stranger["issuer"]!["id"] = "did:web:issuer.invalid";
        Assert.Equal("FAILED", Check(await VerifyAsync(stranger.ToJsonString()), "issuer").Outcome);
        Assert.Equal("FAILED", Check(await VerifyAsync("{\"proof\": 1"), "format").Outcome);
        Assert.Equal("FAILED", Check(await VerifyAsync("{\"type\": [\"VerifiableCredential\"]}"), "format").Outcome);

        await server.GraphQl.DataAsync("mutation($id: ID!) { revokeCredential(id: $id, reason: \"Evidence was plagiarised\") { status } }", new { id = credentialId }, scenario.AdminKey);
        var revoked = await VerifyAsync(document.ToJsonString());
        Assert.False(revoked.GetProperty("valid").GetBoolean());
        Assert.Equal("FAILED", Check(revoked, "revocation").Outcome);
        Assert.Equal("PASSED", Check(revoked, "signature").Outcome);
    }

    private async Task<JsonElement> VerifyAsync(string credential) =>
        (await server.GraphQl.DataAsync(Verify, new { c = credential })).GetProperty("verifyCredential");

    private static (string Outcome, string Detail) Check(JsonElement result, string name)
    {
        var check = result.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        return (check.GetProperty("outcome").GetString()!, check.GetProperty("detail").GetString()!);
    }
}
