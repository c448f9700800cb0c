using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Wallets;

/// <summary>
/// A wallet nobody here wrote (npm @sphereon/oid4vci-client, tests/interop/oid4vci-wallet.mjs) receives a learner's
/// credential over OpenID4VCI from the offer the learner made (offer → metadata → token → credential), as a VC-JWT and
/// as a Data Integrity credential, each bound to the wallet's key; jose + ajv and Digital Bazaar's and the DCC's
/// verifiers accept what it received, and a replayed pre-authorized code is refused with invalid_grant.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class WalletIssuanceTests(SharedServerFixture server)
{
    private const string OfferMutation = "mutation($id: ID!, $tx: Boolean) { offerCredentialToWallet(credentialId: $id, withTransactionCode: $tx) { offerUri qrCodeSvg credentialOffer transactionCode expiresAt } }";

    [Fact]
    public async Task The_sphereon_wallet_receives_the_credential_in_both_formats_and_the_npm_verifiers_accept_it()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        await server.GraphQl.DataAsync("mutation { setCredentialProofFormat(format: VC_JWT_AND_DATA_INTEGRITY) }", key: scenario.AdminKey);
        var (credentialId, learner) = await scenario.EarnCredentialAsync();
        var withCode = (await server.GraphQl.DataAsync(OfferMutation, new { id = credentialId, tx = true }, learner.Key)).GetProperty("offerCredentialToWallet");
        var plain = (await server.GraphQl.DataAsync(OfferMutation, new { id = credentialId, tx = false }, learner.Key)).GetProperty("offerCredentialToWallet");
        Assert.Matches("^[0-9]{6}$", withCode.GetProperty("transactionCode").GetString());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("transactionCode").ValueKind);
        Assert.StartsWith("<svg", plain.GetProperty("qrCodeSvg").GetString());
        Assert.StartsWith("openid-credential-offer://?credential_offer=", plain.GetProperty("offerUri").GetString());
        var offer = JsonNode.Parse(plain.GetProperty("credentialOffer").GetString()!)!;
        Assert.Equal(["OpenBadgeCredential_jwt_vc_json", "OpenBadgeCredential_ldp_vc"], offer["credential_configuration_ids"]!.AsArray().Select(c => c!.GetValue<string>()));

        var request = Path.GetTempFileName();
        await File.WriteAllTextAsync(request, new JsonObject
        {
            ["offers"] = new JsonArray(
                new JsonObject { ["offerUri"] = withCode.GetProperty("offerUri").GetString(), ["configurationId"] = "OpenBadgeCredential_jwt_vc_json", ["txCode"] = withCode.GetProperty("transactionCode").GetString() },
                new JsonObject { ["offerUri"] = plain.GetProperty("offerUri").GetString(), ["configurationId"] = "OpenBadgeCredential_ldp_vc", ["txCode"] = null }),
        }.ToJsonString());
        var wallet = await NodeScript.RunAsync("tests/interop/oid4vci-wallet.mjs", request);
        File.Delete(request);
        Assert.True(wallet.ExitCode == 0 && wallet.Lines.Count == 2, wallet.ToString());
        var received = wallet.Lines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.All(received, r => Assert.Equal(400, r["replay"]!["status"]!.GetValue<int>()));
        Assert.All(received, r => Assert.Equal("invalid_grant", r["replay"]!["error"]!.GetValue<string>()));

        // The VC-JWT: bound to the wallet's key, and jose (key from the kid URL), ajv (OB 3.0 schema) and the status list agree.
        var jwt = received[0]["credential"]!.GetValue<string>();
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]))!;
        Assert.Equal(received[0]["holder"]!.GetValue<string>(), payload["sub"]!.GetValue<string>());
        Assert.Equal(received[0]["holder"]!.GetValue<string>(), payload["credentialSubject"]!["id"]!.GetValue<string>());
        var jwtCheck = await RunWithRequestAsync("tests/interop/verify-credentials.mjs", new JsonObject
        {
            ["credentials"] = new JsonArray(new JsonObject { ["jwt"] = jwt, ["expectRevoked"] = false, ["expectSuspended"] = false }),
        });
        Assert.True(jwtCheck.ExitCode == 0, jwtCheck.ToString());

        // The Data Integrity credential: bound to the same kind of key, and both Data Integrity verifiers accept it.
        var ldp = received[1]["credential"]!.AsObject();
        Assert.Equal(received[1]["holder"]!.GetValue<string>(), ldp["credentialSubject"]!["id"]!.GetValue<string>());
        Assert.Equal("eddsa-rdfc-2022", ldp["proof"]!["cryptosuite"]!.GetValue<string>());
        using var http = server.Cluster.CreateClient();
        var didDocument = JsonNode.Parse(await http.GetStringAsync($"/c/{scenario.Community}/did.json"))!;
        var ldpCheck = await RunWithRequestAsync("tests/interop/verify-data-integrity.mjs", new JsonObject
        {
            ["credentials"] = new JsonArray(new JsonObject { ["name"] = "received by the wallet", ["credential"] = ldp.DeepClone(), ["expectVerified"] = true }),
            ["didDocuments"] = new JsonObject { [didDocument["id"]!.GetValue<string>()] = didDocument.DeepClone() },
        });
        Assert.True(ldpCheck.ExitCode == 0, ldpCheck.ToString());
    }

    [Fact]
    public async Task A_learner_offers_only_their_own_credential()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var (credentialId, _) = await scenario.EarnCredentialAsync();
        var other = await scenario.EnrolLearnerAsync();
        await server.GraphQl.ErrorAsync("NOT_FOUND", OfferMutation, new { id = credentialId, tx = false }, other.Key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", OfferMutation, new { id = credentialId, tx = false }, scenario.AdminKey);
    }

    [Fact]
    public async Task A_retried_offer_request_answers_the_same_offer_whose_code_works_once()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var (credentialId, learner) = await scenario.EarnCredentialAsync();
        using var http = server.Cluster.CreateClient();
        var idempotencyKey = Guid.NewGuid().ToString("N");
        var first = await OfferUnderKeyAsync(http, learner.Key, credentialId, idempotencyKey);
        var retried = await OfferUnderKeyAsync(http, learner.Key, credentialId, idempotencyKey);
        Assert.Equal(first, retried);
        var other = await OfferUnderKeyAsync(http, learner.Key, credentialId, Guid.NewGuid().ToString("N"));
        Assert.NotEqual(first.Split('.')[0], other.Split('.')[0]);

        var token = $"/c/{scenario.Community}/oid4vci/token";
        const string grant = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
        using var redeemed = await http.PostAsync(token, new FormUrlEncodedContent([new("grant_type", grant), new("pre-authorized_code", retried)]));
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        using var again = await http.PostAsync(token, new FormUrlEncodedContent([new("grant_type", grant), new("pre-authorized_code", first)]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("invalid_grant", await again.Content.ReadAsStringAsync());
    }

    private static async Task<string> OfferUnderKeyAsync(HttpClient http, string learnerKey, string credentialId, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = OfferMutation, variables = new { id = credentialId, tx = false } }),
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", learnerKey);
        request.Headers.Add("Idempotency-Key", $"\"{idempotencyKey}\"");
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var offer = JsonNode.Parse(body["data"]!["offerCredentialToWallet"]!["credentialOffer"]!.GetValue<string>())!;
        return offer["grants"]!["urn:ietf:params:oauth:grant-type:pre-authorized_code"]!["pre-authorized_code"]!.GetValue<string>();
    }

    private static async Task<NodeScriptResult> RunWithRequestAsync(string script, JsonObject body)
    {
        var request = Path.GetTempFileName();
        await File.WriteAllTextAsync(request, body.ToJsonString());
        var run = await NodeScript.RunAsync(script, request);
        File.Delete(request);
        return run;
    }
}
