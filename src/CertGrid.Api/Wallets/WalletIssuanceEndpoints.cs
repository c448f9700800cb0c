using System.Text.Json;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Publishing;
using CertGrid.Abstractions.Wallets;
using CertGrid.Api.Publishing;
using CertGrid.Api.RateLimiting;
using CertGrid.Domain.Wallets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using static CertGrid.Domain.Wallets.WalletIssuanceError;

namespace CertGrid.Api.Wallets;

/// <summary>
/// OpenID4VCI 1.0 for wallets, per community (credential issuer <c>/c/{community}</c>): issuer and authorization-server
/// metadata (under <c>/.well-known/…</c>, both appended to and inserted before the issuer path), the token endpoint
/// (pre-authorized code) and the credential endpoint. Every refusal is a standard OAuth / OpenID4VCI error response.
/// </summary>
public static class WalletIssuanceEndpoints
{
    public static IEndpointRouteBuilder MapWalletIssuanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/c/{community}/.well-known/openid-credential-issuer", IssuerMetadataAsync);
        app.MapGet("/.well-known/openid-credential-issuer/c/{community}", IssuerMetadataAsync);
        app.MapGet("/c/{community}/.well-known/oauth-authorization-server", AuthorizationServerMetadataAsync);
        app.MapGet("/.well-known/oauth-authorization-server/c/{community}", AuthorizationServerMetadataAsync);
        app.MapPost(PublicRoutes.WalletTokenTemplate, TokenAsync);
        app.MapPost(PublicRoutes.WalletCredentialTemplate, CredentialAsync);
        return app;
    }

    private static async Task<IResult> IssuerMetadataAsync(string community, IGrainFactory grains, PublicRoutes routes) =>
        CommunityId.IsValid(community) && await grains.GetGrain<ICommunityGrain>(community).FindAsync() is { } info
            ? Results.Json(WalletIssuerMetadata.CredentialIssuer(routes, community, info.Name))
            : PublicResults.NotFound("credential issuer");

    private static async Task<IResult> AuthorizationServerMetadataAsync(string community, IGrainFactory grains, PublicRoutes routes) =>
        CommunityId.IsValid(community) && await grains.GetGrain<ICommunityGrain>(community).FindAsync() is not null
            ? Results.Json(WalletIssuerMetadata.AuthorizationServer(routes, community))
            : PublicResults.NotFound("authorization server");

    private static async Task<IResult> TokenAsync(string community, HttpContext http, IGrainFactory grains, AnonymousRateLimit limit)
    {
        if (await limit.RefuseAsync(http) is { } refused)
        {
            return refused;
        }

        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType)
        {
            return Error(new(InvalidRequest, "The token request must be application/x-www-form-urlencoded."));
        }

        var form = await http.Request.ReadFormAsync();
        if (form["grant_type"].ToString() != WalletIssuerMetadata.PreAuthorizedCodeGrant)
        {
            return Error(new(UnsupportedGrantType, $"This token endpoint accepts only the grant type {WalletIssuerMetadata.PreAuthorizedCodeGrant}."));
        }

        var code = form["pre-authorized_code"].ToString();
        if (code.Length == 0)
        {
            return Error(new(InvalidRequest, "The token request has no pre-authorized_code."));
        }

        if (!CommunityId.IsValid(community) || !TrySplit(code, out var offerId, out var secret))
        {
            return Error(new(InvalidGrant, "The pre-authorized code is not valid."));
        }

        var transactionCode = form["tx_code"].FirstOrDefault() ?? form["user_pin"].FirstOrDefault();
        var outcome = await grains.CredentialOffer(community, offerId).RedeemAsync(secret, transactionCode);
        return outcome.Error is { } error ? Error(error) : Results.Json(new JsonObject
        {
            ["access_token"] = outcome.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = outcome.ExpiresInSeconds,
            ["c_nonce"] = outcome.Nonce,
            ["c_nonce_expires_in"] = outcome.ExpiresInSeconds,
        });
    }

    private static async Task<IResult> CredentialAsync(string community, HttpContext http, IGrainFactory grains, AnonymousRateLimit limit)
    {
        if (await limit.RefuseAsync(http) is { } refused)
        {
            return refused;
        }

        http.Response.Headers.CacheControl = "no-store";
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !CommunityId.IsValid(community)
            || !TrySplit(authorization["Bearer ".Length..].Trim(), out var offerId, out var token))
        {
            return Error(new(InvalidToken, "The credential request needs the access token from the token endpoint (Authorization: Bearer …)."), http);
        }

        var request = await ReadRequestAsync(http.Request);
        if (request is null)
        {
            return Error(new(InvalidCredentialRequest, "The credential request body must be a JSON object with credential_configuration_id and proof."));
        }

        var outcome = await grains.CredentialOffer(community, offerId).IssueAsync(token, request);
        if (outcome.Error is { } error)
        {
            return Error(error, http, outcome.Nonce);
        }

        JsonNode credential = outcome.Format == WalletCredentialConfigurations.LdpVc ? JsonNode.Parse(outcome.Credential!)! : JsonValue.Create(outcome.Credential!);
        // OpenID4VCI 1.0 answers "credentials"; wallets of earlier drafts read "credential".
        return Results.Json(new JsonObject
        {
            ["credentials"] = new JsonArray(new JsonObject { ["credential"] = credential.DeepClone() }),
            ["credential"] = credential,
        });
    }

    private static async Task<WalletCredentialRequest?> ReadRequestAsync(HttpRequest request)
    {
        try
        {
            if (await JsonNode.ParseAsync(request.Body) is not JsonObject body)
            {
                return null;
            }

            var proofJwt = body["proof"] is JsonObject proof ? Text(proof["jwt"])
                : body["proofs"]?["jwt"] is JsonArray { Count: > 0 } proofs ? Text(proofs[0]) : null;
            return new WalletCredentialRequest(Text(body["credential_configuration_id"]), Text(body["format"]), proofJwt);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool TrySplit(string value, out string offerId, out string secret)
    {
        var dot = value.IndexOf('.');
        offerId = dot > 0 ? value[..dot] : string.Empty;
        secret = dot > 0 ? value[(dot + 1)..] : string.Empty;
        return EntityId.IsValid(offerId, IdPrefixes.WalletOffer) && secret.Length > 0;
    }

    private static IResult Error(WalletIssuanceError error, HttpContext? http = null, string? nonce = null)
    {
        if (error.Code == InvalidToken && http is not null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        var body = new JsonObject { ["error"] = error.Code, ["error_description"] = error.Description };
        if (nonce is not null)
        {
            body["c_nonce"] = nonce;
        }

        return Results.Json(body, statusCode: error.HttpStatus);
    }
}
