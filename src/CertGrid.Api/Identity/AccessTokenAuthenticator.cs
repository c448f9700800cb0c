using CertGrid.Abstractions.Identity;
using CertGrid.Api.Access;
using CertGrid.Api.RateLimiting;
using CertGrid.Domain.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Orleans;

namespace CertGrid.Api.Identity;

/// <summary>
/// Turns an access token from a community's OpenID Connect provider into the same <see cref="Caller"/> an API key
/// gives. The token's issuer and audience say which community it is for (<see cref="IIdentityIssuerGrain"/>); it is then
/// validated against that community's settings (issuer, audience, lifetime) and the provider's published signing keys,
/// its role claim is mapped to a role, and the person's identity is linked to their member record
/// (<see cref="IMemberIdentityGrain"/>). Every failure is UNAUTHENTICATED with the reason, and costs the client address.
/// </summary>
public sealed class AccessTokenAuthenticator(IGrainFactory grains, ProviderMetadataCache providers, CallerBudgets budgets, ILogger<AccessTokenAuthenticator> logger)
{
    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    /// <summary>Whether a bearer value is a JWT (three base64url parts) rather than one of CertGrid's own keys.</summary>
    public static bool LooksLikeAccessToken(string token) =>
        token.StartsWith("eyJ", StringComparison.Ordinal) && token.Count(c => c == '.') == 2 && token.Length <= 16 * 1024;

    public async Task<Caller> AuthenticateAsync(string token, string? address)
    {
        var unverified = Read(token) ?? throw await FailedAsync(address, "it is not a well-formed JWT");
        await budgets.RequireKeyLookupAllowedAsync(address);
        var community = string.IsNullOrEmpty(unverified.Issuer) ? null : await grains.IdentityIssuer(unverified.Issuer).FindCommunityAsync([.. unverified.Audiences]);
        var settings = community is null ? null : await grains.IdentityProvider(community).GetAsync();
        if (community is null || settings is null || settings.Issuer != unverified.Issuer)
        {
            throw await FailedAsync(address, $"no community accepts tokens from '{Shorten(unverified.Issuer)}' for this audience");
        }

        var validated = await ValidateAsync(token, settings, address);
        var values = validated.Claims.Where(c => c.Type == settings.RoleClaim).Select(c => c.Value).ToList();
        var role = settings.RoleFor(values)
            ?? throw await FailedAsync(address, $"its '{settings.RoleClaim}' claim names no role this community maps (learner, evaluator or admin)");
        var email = validated.TryGetPayloadValue<string>("email", out var e) ? e : null;
        var verified = validated.TryGetPayloadValue<bool>("email_verified", out var v) && v;
        if (string.IsNullOrEmpty(validated.Subject))
        {
            throw await FailedAsync(address, "it names no subject (sub)");
        }

        var identityId = ExternalIdentityId.For(settings.Issuer, validated.Subject);
        var member = await grains.MemberIdentity(community, identityId).SignInAsync(new ExternalSignIn(settings.Issuer, validated.Subject, email, verified, role));
        return Caller.Member(community, member.Role, member.SubjectId, member.IdentityId, []);
    }

    private async Task<JsonWebToken> ValidateAsync(string token, IdentityProviderSettings settings, string? address)
    {
        for (var attempt = 0; ; attempt++)
        {
            OpenIdConnectConfiguration metadata;
            try
            {
                metadata = await providers.GetAsync(settings.Issuer, CancellationToken.None);
            }
            catch (InvalidOperationException ex)
            {
                logger.LogWarning(ex, "The identity provider {Issuer} could not be reached", settings.Issuer);
                throw new CertGridException(ErrorCode.Unavailable, $"Your community's identity provider ({settings.Issuer}) could not be reached to check the token; try again shortly.");
            }

            var result = await Tokens.ValidateTokenAsync(token, new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKeys = metadata.SigningKeys,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromMinutes(1),
            });
            if (result.IsValid)
            {
                return (JsonWebToken)result.SecurityToken;
            }

            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && attempt == 0)
            {
                providers.RequestRefresh(settings.Issuer);
                continue;
            }

            throw await FailedAsync(address, Why(result.Exception));
        }
    }

    private static JsonWebToken? Read(string token)
    {
        try
        {
            return Tokens.CanReadToken(token) ? Tokens.ReadJsonWebToken(token) : null;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException or System.Text.Json.JsonException or FormatException)
        {
            return null;
        }
    }

    private static string Why(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "it has expired; sign in again",
        SecurityTokenNotYetValidException => "it is not valid yet",
        SecurityTokenInvalidAudienceException => "it was issued for another audience",
        SecurityTokenInvalidIssuerException => "it was issued by another provider",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not match the provider's published keys",
        SecurityTokenNoExpirationException => "it has no expiry",
        _ => "it could not be validated",
    };

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 100 ? text : text[..100] + "…";

    private async Task<CertGridException> FailedAsync(string? address, string why)
    {
        await budgets.RecordFailedAuthenticationAsync(address);
        return new CertGridException(ErrorCode.Unauthenticated, $"The access token is not accepted: {why}.");
    }
}
