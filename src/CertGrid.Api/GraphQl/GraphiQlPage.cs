using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// GraphiQL, served by the app itself from browser bundles embedded at build time (never from a CDN).
/// The page is at <c>/graphql</c> for browsers; its scripts and styles under <c>/graphql/assets/</c>.
/// </summary>
public static class GraphiQlPage
{
    public const string AssetsPath = "/graphql/assets";

    private static readonly FrozenDictionary<string, string> Assets = new Dictionary<string, string>
    {
        ["graphiql.min.js"] = "text/javascript",
        ["graphiql.min.css"] = "text/css",
        ["react.production.min.js"] = "text/javascript",
        ["react-dom.production.min.js"] = "text/javascript",
    }.ToFrozenDictionary();

    /// <summary>Whether the browser bundles were embedded (they come from node_modules at build time).</summary>
    public static bool IsBundled => typeof(GraphiQlPage).Assembly.GetManifestResourceInfo("graphiql/graphiql.min.js") is not null;

    public static async Task WriteAsync(HttpContext http)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        if (!IsBundled)
        {
            await http.Response.WriteAsync(
                "<!doctype html><title>CertGrid GraphQL</title><p>GraphiQL was not bundled into this build: run <code>npm ci</code> " +
                "at the repository root and rebuild. The GraphQL endpoint itself works: POST JSON to <code>/graphql</code>.</p>");
            return;
        }

        await using var page = typeof(GraphiQlPage).Assembly.GetManifestResourceStream("graphiql/index.html")!;
        await page.CopyToAsync(http.Response.Body);
    }

    public static async Task WriteAssetAsync(HttpContext http, string file)
    {
        var stream = Assets.TryGetValue(file, out var contentType)
            ? typeof(GraphiQlPage).Assembly.GetManifestResourceStream($"graphiql/{file}")
            : null;
        if (stream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            http.Response.ContentType = $"{contentType}; charset=utf-8";
            http.Response.Headers.CacheControl = "public, max-age=86400";
            await stream.CopyToAsync(http.Response.Body);
        }
    }
}
