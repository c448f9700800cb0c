using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CertGrid.Api.Tests.Wallets;

/// <summary>
/// Every refusal a wallet can trigger at the token and credential endpoints is a standard OAuth 2.0 / OpenID4VCI error
/// response (<c>error</c> + <c>error_description</c>, 400, or 401 with <c>WWW-Authenticate</c> for a bad access token),
/// and nothing it refuses is spent: a wrong transaction code or a bad proof leaves the offer usable, while a redeemed
/// code and a spent token are refused.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class WalletErrorResponseTests(SharedServerFixture server)
{
    private const string PreAuthorized = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    [Fact]
    public async Task Token_and_credential_refusals_are_standard_error_responses()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var (credentialId, learner) = await scenario.EarnCredentialAsync();
        var offer = (await server.GraphQl.DataAsync(
            "mutation($id: ID!) { offerCredentialToWallet(credentialId: $id, withTransactionCode: true) { credentialOffer transactionCode } }",
            new { id = credentialId }, learner.Key)).GetProperty("offerCredentialToWallet");
        var offered = JsonNode.Parse(offer.GetProperty("credentialOffer").GetString()!)!;
        var issuer = offered["credential_issuer"]!.GetValue<string>();
        var code = offered["grants"]![PreAuthorized]!["pre-authorized_code"]!.GetValue<string>();
        var txCode = offer.GetProperty("transactionCode").GetString()!;
        var wrongTx = txCode == "000000" ? "111111" : "000000";
        using var http = server.Cluster.CreateClient();
        var token = $"/c/{scenario.Community}/oid4vci/token";
        var credential = $"/c/{scenario.Community}/oid4vci/credential";

        await ExpectAsync("invalid_request", await http.PostAsync(token, new StringContent("{}", Encoding.UTF8, "application/json")));
        await ExpectAsync("unsupported_grant_type", await PostFormAsync(http, token, ("grant_type", "authorization_code"), ("code", "x")));
        await ExpectAsync("invalid_request", await PostFormAsync(http, token, ("grant_type", PreAuthorized)));
        await ExpectAsync("invalid_grant", await PostFormAsync(http, token, ("grant_type", PreAuthorized), ("pre-authorized_code", "wof_notanoffer.secret")));
        await ExpectAsync("invalid_grant", await PostFormAsync(http, token, ("grant_type", PreAuthorized), ("pre-authorized_code", code)));
        await ExpectAsync("invalid_grant", await PostFormAsync(http, token, ("grant_type", PreAuthorized), ("pre-authorized_code", code), ("tx_code", wrongTx)));

        using var granted = await PostFormAsync(http, token, ("grant_type", PreAuthorized), ("pre-authorized_code", code), ("tx_code", txCode));
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("no-store", granted.Headers.CacheControl?.ToString());
        var tokens = JsonNode.Parse(await granted.Content.ReadAsStringAsync())!;
        var accessToken = tokens["access_token"]!.GetValue<string>();
        var nonce = tokens["c_nonce"]!.GetValue<string>();
        await ExpectAsync("invalid_grant", await PostFormAsync(http, token, ("grant_type", PreAuthorized), ("pre-authorized_code", code), ("tx_code", txCode)));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwt = new { credential_configuration_id = "OpenBadgeCredential_jwt_vc_json" };
        using (var anonymous = await http.PostAsync(credential, JsonContent(new { credential_configuration_id = "OpenBadgeCredential_jwt_vc_json" })))
        {
            await ExpectAsync("invalid_token", anonymous, HttpStatusCode.Unauthorized);
            Assert.Contains("invalid_token", anonymous.Headers.WwwAuthenticate.ToString());
        }

        await ExpectAsync("invalid_token", await PostCredentialAsync(http, credential, "wof_000000000000000000000000.forged", jwt), HttpStatusCode.Unauthorized);
        await ExpectAsync("invalid_credential_request", await http.SendAsync(Authorized(credential, accessToken, new StringContent("[not json", Encoding.UTF8, "application/json"))));
        await ExpectAsync("unsupported_credential_configuration", await PostCredentialAsync(http, credential, accessToken,
            new { credential_configuration_id = "OpenBadgeCredential_ldp_vc", proof = new { proof_type = "jwt", jwt = Proof(key, issuer, nonce) } }));
        await ExpectAsync("unsupported_credential_format", await PostCredentialAsync(http, credential, accessToken,
            new { format = "mso_mdoc", proof = new { proof_type = "jwt", jwt = Proof(key, issuer, nonce) } }));

        var wrongType = await ExpectAsync("invalid_proof", await PostCredentialAsync(http, credential, accessToken, Request(Proof(key, issuer, nonce, type: "JWT"))));
        nonce = wrongType["c_nonce"]!.GetValue<string>();
        nonce = (await ExpectAsync("invalid_proof", await PostCredentialAsync(http, credential, accessToken, Request(Proof(key, "https://elsewhere.example", nonce)))))["c_nonce"]!.GetValue<string>();
        var tampered = Proof(key, issuer, nonce);
        nonce = (await ExpectAsync("invalid_proof", await PostCredentialAsync(http, credential, accessToken, Request(tampered[..^4] + "AAAA"))))["c_nonce"]!.GetValue<string>();
        var stale = nonce;
        nonce = (await ExpectAsync("invalid_nonce", await PostCredentialAsync(http, credential, accessToken, Request(Proof(key, issuer, "not-the-nonce")))))["c_nonce"]!.GetValue<string>();
        Assert.NotEqual(stale, nonce);
        await ExpectAsync("invalid_nonce", await PostCredentialAsync(http, credential, accessToken, Request(Proof(key, issuer, stale))));
        nonce = (await ExpectAsync("invalid_nonce", await PostCredentialAsync(http, credential, accessToken, Request(Proof(key, issuer, null)))))["c_nonce"]!.GetValue<string>();

        using var issued = await PostCredentialAsync(http, credential, accessToken, Request(Proof(key, issuer, nonce)));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!;
        Assert.Equal(3, body["credentials"]![0]!["credential"]!.GetValue<string>().Split('.').Length);
        await ExpectAsync("invalid_token", await PostCredentialAsync(http, credential, accessToken, Request(Proof(key, issuer, nonce))), HttpStatusCode.Unauthorized);

        var metadata = JsonNode.Parse(await http.GetStringAsync($"/.well-known/openid-credential-issuer/c/{scenario.Community}"))!;
        Assert.Equal(issuer, metadata["credential_issuer"]!.GetValue<string>());
        var authorizationServer = JsonNode.Parse(await http.GetStringAsync($"/c/{scenario.Community}/.well-known/oauth-authorization-server"))!;
        Assert.EndsWith(token, authorizationServer["token_endpoint"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/.well-known/openid-credential-issuer/c/nosuchcommunity")).StatusCode);
    }

    private static object Request(string proofJwt) => new { credential_configuration_id = "OpenBadgeCredential_jwt_vc_json", proof = new { proof_type = "jwt", jwt = proofJwt } };

    /// <summary>A wallet's key proof: ES256 over the header (with the public JWK) and the claims, made here by hand.</summary>
    private static string Proof(ECDsa key, string audience, string? nonce, string type = "openid4vci-proof+jwt")
    {
        var p = key.ExportParameters(false);
        var header = new JsonObject
        {
            ["alg"] = "ES256", ["typ"] = type,
            ["jwk"] = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url.EncodeToString(p.Q.X), ["y"] = Base64Url.EncodeToString(p.Q.Y) },
        };
        var claims = new JsonObject { ["aud"] = audience, ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        var signingInput = $"{Encode(header)}.{Encode(claims)}";
        return $"{signingInput}.{Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256))}";
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static HttpRequestMessage Authorized(string url, string accessToken, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private static Task<HttpResponseMessage> PostCredentialAsync(HttpClient http, string url, string accessToken, object body) =>
        http.SendAsync(Authorized(url, accessToken, JsonContent(body)));

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient http, string url, params (string Name, string Value)[] fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    private static async Task<JsonNode> ExpectAsync(string error, HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"Expected {(int)status} {error}, got {(int)response.StatusCode}: {text}");
            var body = JsonNode.Parse(text)!;
            Assert.Equal(error, body["error"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(body["error_description"]!.GetValue<string>()));
            return body;
        }
    }
}
