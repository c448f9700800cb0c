using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.Partners;
using CertGrid.Api.RateLimiting;
using CertGrid.Domain.Access;
using CertGrid.Domain.Partners;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Orleans;

namespace CertGrid.Api.Access;

/// <summary>
/// Turns the key a request presents (<c>Authorization: Bearer …</c> or <c>X-Api-Key</c>) into a
/// <see cref="Caller"/>. No key is an anonymous caller; a bad key is an error, never silently anonymous. A bad key
/// costs the client address (<see cref="CallerBudgets"/>): an address that sent too many is refused before its next
/// unknown key costs a lookup in the cluster.
/// </summary>
public sealed class ApiKeyAuthenticator(IGrainFactory grains, IApiKeyCache cache, IOptions<OperatorOptions> operatorOptions, CallerBudgets budgets)
{
    private readonly string _operatorHash = operatorOptions.Value.ExpectedHash;

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
                : new CachedApiKey(true, stored.Info.Role, stored.Info.SubjectId, [.. stored.Info.Scopes], stored.SecretHash, stored.Info.RevokedAt is not null);
            await cache.SetAsync(parsed.Community, parsed.KeyId, key);
        }

        if (!key.Exists || key.Revoked || !ApiKeyToken.SecretMatches(parsed.Secret, key.SecretHash))
        {
            throw await FailedAsync(address);
        }

        return Caller.Member(parsed.Community, key.Role, key.SubjectId, parsed.KeyId, key.Scopes);
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
