using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Partners;
using CertGrid.Api.RateLimiting;
using CertGrid.Domain.Access;
using CertGrid.Domain.Partners;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Orleans;

namespace CertGrid.Api.Access;

/// <summary>
/// Turns the key a request presents (<c>Authorization: Bearer …</c> or <c>X-Api-Key</c>) into a
/// <see cref="Caller"/>: an API key, a partner key, the operator key, or an access token from a community's identity
/// provider (<see cref="Identity.AccessTokenAuthenticator"/>). No key is an anonymous caller; a bad key is an error, never
/// silently anonymous; an expired key is a bad key. A key's last use is recorded at most every
/// <see cref="ApiKeyLifetime.UseRecordingInterval"/>. A bad key
/// costs the client address (<see cref="CallerBudgets"/>): an address that sent too many is refused before its next
/// unknown key costs a lookup in the cluster.
/// </summary>
public sealed class ApiKeyAuthenticator(
    IGrainFactory grains, IApiKeyCache cache, IOptions<OperatorOptions> operatorOptions, CallerBudgets budgets,
    Identity.AccessTokenAuthenticator accessTokens, IServiceProvider services, ILogger<ApiKeyAuthenticator> logger)
{
    private readonly string _operatorHash = operatorOptions.Value.ExpectedHash;

    private readonly TimeProvider _clock = services.GetKeyedService<TimeProvider>(DomainClock.ServiceKey) ?? TimeProvider.System;

    private static readonly object RequestCaller = new();

    /// <summary>
    /// The request's caller, worked out once per request however many stages ask (the idempotency check, then the
    /// endpoint): a bad key costs its address once, and a good one is looked up once.
    /// </summary>
    public Task<Caller> AuthenticateAsync(HttpRequest request)
    {
        var items = request.HttpContext.Items;
        if (items.TryGetValue(RequestCaller, out var known) && known is Task<Caller> caller)
        {
            return caller;
        }

        var authenticated = PresentedKey(request) is { } token
            ? AuthenticateKeyAsync(token, request.HttpContext.Connection.RemoteIpAddress?.ToString())
            : Task.FromResult(Caller.Anonymous);
        items[RequestCaller] = authenticated;
        return authenticated;
    }

    /// <summary>
    /// The caller a key names (typed into a form, for example); UNAUTHENTICATED when it is not a valid key, which
    /// costs <paramref name="address"/>, the client's address.
    /// </summary>
    public async Task<Caller> AuthenticateKeyAsync(string token, string? address)
    {
        if (ApiKeyToken.IsOperatorKey(token))
        {
            return ApiKeyToken.SecretMatches(token, _operatorHash) ? Caller.Operator : throw await FailedAsync(address);
        }

        if (PartnerKeyToken.IsPartnerKey(token))
        {
            return await AuthenticatePartnerAsync(token, address);
        }

        if (Identity.AccessTokenAuthenticator.LooksLikeAccessToken(token))
        {
            return await accessTokens.AuthenticateAsync(token, address);
        }

        if (!ApiKeyToken.TryParse(token, out var parsed) || !CommunityId.IsValid(parsed.Community) || !EntityId.IsValid(parsed.KeyId, IdPrefixes.ApiKey))
        {
            throw await FailedAsync(address);
        }

        var key = await cache.GetAsync(parsed.Community, parsed.KeyId);
        if (key is null)
        {
            await budgets.RequireKeyLookupAllowedAsync(address);
            var stored = await grains.ApiKey(parsed.Community, parsed.KeyId).FindAsync();
            key = stored is null
                ? CachedApiKey.Missing
                : new CachedApiKey(true, stored.Info.Role, stored.Info.SubjectId, [.. stored.Info.Scopes], stored.SecretHash, stored.Info.RevokedAt is not null,
                    stored.Info.ExpiresAt, stored.Info.LastUsedAt);
            await cache.SetAsync(parsed.Community, parsed.KeyId, key);
        }

        var now = _clock.GetUtcNow();
        if (!key.Exists || key.Revoked || !ApiKeyToken.SecretMatches(parsed.Secret, key.SecretHash))
        {
            throw await FailedAsync(address);
        }

        if (!ApiKeyLifetime.IsUsable(null, key.ExpiresAt, now))
        {
            await budgets.RecordFailedAuthenticationAsync(address);
            throw new CertGridException(ErrorCode.Unauthenticated, $"The API key expired at {key.ExpiresAt:u}; ask your community's admin for a new one.");
        }

        if (ApiKeyLifetime.ShouldRecordUse(key.LastUsedAt, now))
        {
            await RecordUseAsync(parsed.Community, parsed.KeyId, key with { LastUsedAt = now });
        }

        return Caller.Member(parsed.Community, key.Role, key.SubjectId, parsed.KeyId, key.Scopes);
    }

    /// <summary>Last use is bookkeeping: when it cannot be recorded the request still goes ahead.</summary>
    private async Task RecordUseAsync(string community, string keyId, CachedApiKey used)
    {
        try
        {
            await grains.ApiKey(community, keyId).RecordUseAsync();
            await cache.SetAsync(community, keyId, used);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Recording the last use of API key {Community}/{KeyId} failed", community, keyId);
        }
    }

    /// <summary>
    /// A partner organisation's key, checked against its grain at every request (no gateway cache): a revoked or
    /// expired key, and a revoked or expired grant, are refused on the next request through any gateway.
    /// </summary>
    private async Task<Caller> AuthenticatePartnerAsync(string token, string? address)
    {
        if (!PartnerKeyToken.TryParse(token, out var parsed) || !EntityId.IsValid(parsed.PartnerId, IdPrefixes.Partner) || !EntityId.IsValid(parsed.KeyId, IdPrefixes.PartnerKey))
        {
            throw await FailedAsync(address);
        }

        await budgets.RequireKeyLookupAllowedAsync(address);
        var check = await grains.GetGrain<IPartnerGrain>(parsed.PartnerId).CheckKeyAsync(parsed.KeyId);
        if (check is null || !check.Usable || !ApiKeyToken.SecretMatches(parsed.Secret, check.SecretHash))
        {
            throw await FailedAsync(address);
        }

        return Caller.PartnerOrganisation(check.PartnerId, check.PartnerName, parsed.KeyId, check.Grants);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }

    private async Task<CertGridException> FailedAsync(string? address)
    {
        await budgets.RecordFailedAuthenticationAsync(address);
        return new CertGridException(ErrorCode.Unauthenticated, "The API key is not valid: it is unknown, revoked or mistyped.");
    }
}
