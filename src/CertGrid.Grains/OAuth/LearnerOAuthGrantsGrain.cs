using CertGrid.Abstractions.OAuth;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.OAuth;

/// <summary>
/// The OAuth 2.0 clients a learner allowed. A withdrawal revokes the authorization record and every token record linked
/// to it before it is acknowledged: the authorization server refuses a refresh of a revoked authorization, and the API
/// checks each access token's entry and authorization on every request, on every gateway.
/// </summary>
public sealed class LearnerOAuthGrantsGrain(
    [PersistentState("oauthGrants", StorageNames.GrainStore)] IPersistentState<LearnerOAuthGrantsState> state)
    : DurableGrain<LearnerOAuthGrantsState>(state), ILearnerOAuthGrantsGrain
{
    /// <summary>Grants one learner may have in force at once, which keeps the state small.</summary>
    public const int MaxGrants = 100;

    /// <summary>How precisely "last used" is kept: a client calling the API all day costs one write a minute.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task RecordAsync(ClientGrant grant)
    {
        if (State.Grants.Any(g => g.AuthorizationId == grant.AuthorizationId))
        {
            return;
        }

        if (State.Grants.Count >= MaxGrants)
        {
            throw CertGridException.Policy($"A learner may allow at most {MaxGrants} clients at once; withdraw one you no longer use first.");
        }

        State.Grants.Insert(0, grant with { GrantedAt = Now });
        await SaveAsync(AuditEvent(Domain.Audit.Actors.Learner(Key.Id), "oauth.client-allowed", grant.AuthorizationId,
            new { grant.ClientId, grant.ClientName, grant.Scopes, grant.KeyId }));
    }

    public Task<IReadOnlyList<ClientGrant>> ListAsync() => Task.FromResult<IReadOnlyList<ClientGrant>>([.. State.Grants]);

    public async Task TouchAsync(string authorizationId)
    {
        var index = State.Grants.FindIndex(g => g.AuthorizationId == authorizationId);
        var now = Now;
        if (index >= 0 && (State.Grants[index].LastUsedAt is not { } last || now - last >= LastUsedPrecision))
        {
            State.Grants[index] = State.Grants[index] with { LastUsedAt = now };
            await SaveAsync();
        }
    }

    public async Task<ClientGrant> WithdrawAsync(string authorizationId, string actor)
    {
        var grant = State.Grants.FirstOrDefault(g => g.AuthorizationId == authorizationId)
            ?? throw CertGridException.NotFound("OAuth grant", authorizationId);
        await RevokeAsync(grant);
        State.Grants.Remove(grant);
        return await SaveAnsweringAsync(grant, AuditEvent(actor, "oauth.client-withdrawn", grant.AuthorizationId, new { grant.ClientId, grant.ClientName }));
    }

    public async Task<int> WithdrawGrantedWithKeyAsync(string keyId, string actor)
    {
        var granted = State.Grants.Where(g => g.KeyId == keyId).ToList();
        if (granted.Count == 0)
        {
            return 0;
        }

        foreach (var grant in granted)
        {
            await RevokeAsync(grant);
        }

        State.Grants.RemoveAll(granted.Contains);
        await SaveAsync([.. granted.Select(g => AuditEvent(actor, "oauth.client-withdrawn", g.AuthorizationId, new { g.ClientId, g.ClientName, reason = $"key {keyId} revoked" }))]);
        return granted.Count;
    }

    public async Task ForgetAsync(string authorizationId)
    {
        if (State.Grants.RemoveAll(g => g.AuthorizationId == authorizationId) > 0)
        {
            await SaveAsync();
        }
    }

    /// <summary>Revokes the authorization first (no new token can be issued under it), then each token issued under it.</summary>
    private async Task RevokeAsync(ClientGrant grant)
    {
        foreach (var tokenId in await Record(grant.AuthorizationId).RevokeAsync())
        {
            await Record(tokenId).RevokeAsync();
        }
    }

    /// <summary>An authorization's or token's record: ids are <c>{community}.{entityId}</c>, always of this learner's community.</summary>
    private IOAuthRecordGrain Record(string id)
    {
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || id[..dot] != Community)
        {
            throw new InvalidOperationException($"OAuth record '{id}' is not of community '{Community}'.");
        }

        return GrainFactory.OAuthGrant(Community, id[(dot + 1)..]);
    }
}
