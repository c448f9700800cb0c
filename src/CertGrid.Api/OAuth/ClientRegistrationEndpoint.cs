using System.Text.Json;
using CertGrid.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertGrid.Api.OAuth;

/// <summary>
/// RFC 7591 dynamic client registration (open registration, as OB 3.0 section 6.2 expects): a client sends its
/// metadata and gets a client id (and a secret unless it registers as a public client). A client can do nothing
/// until a learner consents; registrations draw on the anonymous per-address rate limit.
/// </summary>
public static class ClientRegistrationEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] ResponseTypes = ["code"];

    public static IEndpointRouteBuilder MapClientRegistration(this IEndpointRouteBuilder app)
    {
        app.MapPost(OAuthRoutes.Register, async (HttpContext http, IOpenIddictApplicationManager applications, AnonymousRateLimit limit, TimeProvider clock) =>
        {
            if (await limit.RefuseAsync(http) is { } refused)
            {
                return refused;
            }

            ClientRegistrationRequest? request;
            try
            {
                request = http.Request.HasJsonContentType() ? await JsonSerializer.DeserializeAsync<ClientRegistrationRequest>(http.Request.Body, Json) : null;
            }
            catch (JsonException)
            {
                request = null;
            }

            if (request is null)
            {
                return Error(ClientRegistrationRules.InvalidClientMetadata, "Send the client metadata as a JSON object with Content-Type application/json.");
            }

            if (!ClientRegistrationRules.TryAccept(request, out var accepted, out var error))
            {
                return Error(error.Error, error.Description);
            }

            var clientId = EntityId.New(IdPrefixes.OAuthClient);
            var secret = accepted.IsPublic ? null : Base64Url(32);
            await applications.CreateAsync(Descriptor(clientId, secret, accepted));
            var response = new Dictionary<string, object?>
            {
                ["client_id"] = clientId,
                ["client_id_issued_at"] = clock.GetUtcNow().ToUnixTimeSeconds(),
                ["client_name"] = accepted.Name,
                ["client_uri"] = request.ClientUri,
                ["logo_uri"] = request.LogoUri,
                ["tos_uri"] = request.TosUri,
                ["policy_uri"] = request.PolicyUri,
                ["software_id"] = request.SoftwareId,
                ["software_version"] = request.SoftwareVersion,
                ["redirect_uris"] = accepted.RedirectUris,
                ["token_endpoint_auth_method"] = accepted.AuthMethod,
                ["grant_types"] = accepted.GrantTypes,
                ["response_types"] = ResponseTypes,
                ["scope"] = string.Join(' ', accepted.Scopes),
            };
            if (secret is not null)
            {
                response["client_secret"] = secret;
                response["client_secret_expires_at"] = 0;
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(response.Where(p => p.Value is not null).ToDictionary(), statusCode: StatusCodes.Status201Created);
        });
        return app;
    }

    private static OpenIddictApplicationDescriptor Descriptor(string clientId, string? secret, ClientRegistration accepted)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = accepted.IsPublic ? ClientTypes.Public : ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = accepted.Name,
        };
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        foreach (var uri in accepted.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code]);
        if (accepted.GrantTypes.Contains(ClientRegistrationRules.RefreshToken))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        }

        descriptor.Permissions.UnionWith(accepted.Scopes.Select(scope => Permissions.Prefixes.Scope + scope));
        return descriptor;
    }

    private static IResult Error(string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: StatusCodes.Status400BadRequest);

    private static string Base64Url(int bytes) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes));
}
