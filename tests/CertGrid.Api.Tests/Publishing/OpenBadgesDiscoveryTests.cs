using System.Net;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>The Open Badges 3.0 discovery document names nothing that does not exist: every URL in it resolves.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class OpenBadgesDiscoveryTests(SharedServerFixture server)
{
    [Fact]
    public async Task Every_url_in_the_discovery_document_resolves()
    {
        using var http = server.Cluster.CreateClient();
        var discovery = JsonDocument.Parse(await http.GetStringAsync("/ims/ob/v3p0/discovery")).RootElement;
        var urls = Urls(discovery).Distinct().ToList();
        Assert.Contains(urls, u => u.EndsWith("/privacy", StringComparison.Ordinal));

        foreach (var url in urls)
        {
            Assert.StartsWith(server.Cluster.PublicBaseUrl.ToString(), url);
            using var response = await http.GetAsync(url);
            // An endpoint that only takes POST (token, registration) answers 405 to a GET: it exists.
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{url} answered {(int)response.StatusCode}");
        }

        using var privacy = await http.GetAsync(discovery.GetProperty("info").GetProperty("x-imssf-privacyPolicyUrl").GetString());
        Assert.Equal("text/html", privacy.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>Privacy policy</h1>", await privacy.Content.ReadAsStringAsync());
        using var image = await http.GetAsync(discovery.GetProperty("info").GetProperty("x-imssf-image").GetString());
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
    }

    private static IEnumerable<string> Urls(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Urls(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Urls),
        JsonValueKind.String when element.GetString() is { } text && (text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal)) => [text],
        _ => [],
    };
}
