using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CertGrid.Api.Tests.OAuth;

/// <summary>
/// An OAuth 2.0 client played over HTTP as a wallet would: RFC 7591 registration, the consent page answered as a browser
/// posts its form, the authorization code exchanged with PKCE, refresh, and calls to the Open Badges API.
/// </summary>
public sealed partial class OAuthClient(string id, string secret, string name)
{
    public const string Redirect = "http://127.0.0.1:8765/callback";
    public const string ProfileScope = "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly";

    public string Id => id;

    public string Name => name;

    public static async Task<OAuthClient> RegisterAsync(HttpClient http, string name)
    {
        using var response = await http.PostAsJsonAsync("/oauth/register", new Dictionary<string, object>
        {
            ["client_name"] = name,
            ["redirect_uris"] = new[] { Redirect },
            ["grant_types"] = new[] { "authorization_code", "refresh_token" },
            ["scope"] = ProfileScope,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var client = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new OAuthClient(client.GetProperty("client_id").GetString()!, client.GetProperty("client_secret").GetString()!, name);
    }

    /// <summary>The learner allows the client with their key; returns the access and refresh tokens.</summary>
    public async Task<(string Access, string Refresh)> AuthoriseAsync(HttpClient http, string learnerKey)
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var page = await http.GetStringAsync($"/oauth/authorize?response_type=code&client_id={id}&redirect_uri={Uri.EscapeDataString(Redirect)}"
            + $"&scope={Uri.EscapeDataString(ProfileScope)}&state=s1&code_challenge={challenge}&code_challenge_method=S256");
        var form = HiddenInput().Matches(page).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        form.Add(new("learner_key", learnerKey));
        form.Add(new("decision", "allow"));
        using var answer = await http.PostAsync(WebUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value), new FormUrlEncodedContent(form));
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"The consent was not accepted: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        var code = System.Web.HttpUtility.ParseQueryString(answer.Headers.Location!.Query)["code"]!;
        var (status, tokens) = await TokenAsync(http, new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier });
        Assert.True(status == 200, tokens.ToString());
        return (tokens.GetProperty("access_token").GetString()!, tokens.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>A refresh: 200 with new tokens, or the OAuth error.</summary>
    public Task<(int Status, JsonElement Body)> RefreshAsync(HttpClient http, string refreshToken) =>
        TokenAsync(http, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    /// <summary>getProfile with the access token: its HTTP status.</summary>
    public static async Task<int> GetProfileAsync(HttpClient http, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ims/ob/v3p0/profile");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    private async Task<(int Status, JsonElement Body)> TokenAsync(HttpClient http, Dictionary<string, string> parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = new FormUrlEncodedContent(parameters) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{id}:{secret}")));
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\">")]
    private static partial Regex FormAction();
}
