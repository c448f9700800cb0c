using System.Net;
using System.Net.Http.Json;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.OAuth;

/// <summary>
/// The OAuth 2.0 authorization server's handlers run on its own paths and the OB 3.0 REST API's only: a GraphQL request, a verification, a health
/// probe never reach ASP.NET Core's authentication (which ran OpenIddict's handlers on every request — about a quarter
/// of a verification's CPU — while the pipeline seemed to say otherwise). Every path that resolved an authentication
/// handler is recorded by the node's handler provider.
/// </summary>
public sealed class AuthenticationScopeTests
{
    [Fact]
    public async Task Only_the_authorization_servers_paths_run_authentication_handlers()
    {
        var authenticated = new ConcurrentQueue<string>();
        await using var cluster = await CertGridCluster.StartAsync(silos: 1, nodeServices: (_, services) =>
        {
            services.AddSingleton(authenticated);
            services.AddScoped<IAuthenticationHandlerProvider, RecordingHandlerProvider>();
        });
        using var http = cluster.CreateClient(0);

        Assert.Equal("Query", (await cluster.GraphQl(0).DataAsync("{ __typename }")).GetProperty("__typename").GetString());
        Assert.Contains("\"valid\":false", await http.GetStringAsync("/verify?credential=not-a-credential"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Empty(authenticated);

        // The token endpoint is the authorization server's: its handler answers the malformed request itself.
        using var token = await http.PostAsync("/oauth/token", new FormUrlEncodedContent([new("grant_type", "authorization_code")]));
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Equal("invalid_request", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Contains("/oauth/token", authenticated);
        Assert.All(authenticated, path => Assert.True(path.StartsWith("/oauth/", StringComparison.Ordinal), path));

        // The OB 3.0 REST API's bearer tokens are read by the validation handler: a request without one is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/ims/ob/v3p0/profile")).StatusCode);
        Assert.Contains("/ims/ob/v3p0/profile", authenticated);
    }

    /// <summary>ASP.NET Core's own provider, noting the path of every request that asks it for a handler.</summary>
    private sealed class RecordingHandlerProvider(IAuthenticationSchemeProvider schemes, ConcurrentQueue<string> authenticated) : IAuthenticationHandlerProvider
    {
        private readonly AuthenticationHandlerProvider _inner = new(schemes);

        public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
        {
            authenticated.Enqueue(context.Request.Path.Value ?? string.Empty);
            return _inner.GetHandlerAsync(context, authenticationScheme);
        }
    }
}
