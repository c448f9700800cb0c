using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CertGrid.Abstractions.OAuth;
using OpenIddict.Abstractions;
using Orleans;

namespace CertGrid.Api.OAuth;

/// <summary>
/// OpenIddict's token store on <see cref="IOAuthRecordGrain"/>, in the learner's community (ids are
/// <see cref="OAuthGrantId"/>s). A token is linked to its authorization, so a replayed authorization code revokes
/// every token issued from it. Access and refresh tokens are self-contained; authorization codes are reference
/// tokens (OpenIddict always makes them so), found through <see cref="OAuthGrainReferences.OAuthReference"/>.
/// Revocation flips the entry's status, which every gateway checks when it accepts an access token. A token's record
/// is pruned once it expired (<see cref="IOAuthRecordGrain.PruneAsync"/>), and its authorization after its last token.
/// </summary>
public sealed class OAuthTokenStore(IGrainFactory grains) : IOpenIddictTokenStore<OAuthToken>
{
    public ValueTask<long> CountAsync(CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OAuthToken>, IQueryable<TResult>> query, CancellationToken cancellationToken) => throw Unsupported();

    public async ValueTask CreateAsync(OAuthToken token, CancellationToken cancellationToken)
    {
        if (!LearnerSubject.TryParse(token.Subject, out var subject))
        {
            throw new InvalidOperationException("A token is issued for a learner (subject {community}/{learnerId}).");
        }

        var id = OAuthGrantId.New(subject.Community, OAuthGrantId.TokenPrefix);
        token.Id = id.ToString();
        await OAuthRecordStore.SaveAsync(Grain(id), token, token.ExpirationDate);
        if (OAuthGrantId.TryParse(token.AuthorizationId, OAuthGrantId.AuthorizationPrefix, out var authorization) && authorization.Community == id.Community)
        {
            // The authorization lives as long as its last token.
            await grains.OAuthGrant(authorization.Community, authorization.EntityId).LinkAsync(token.Id, token.ExpirationDate);
        }

        await IndexReferenceAsync(token);
    }

    public ValueTask DeleteAsync(OAuthToken token, CancellationToken cancellationToken) => OAuthRecordStore.DeleteAsync(Grain(Parse(token.Id)), token);

    public IAsyncEnumerable<OAuthToken> FindAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) => throw Unsupported();
    public IAsyncEnumerable<OAuthToken> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) => throw Unsupported();

    public async IAsyncEnumerable<OAuthToken> FindByAuthorizationIdAsync(string identifier, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!OAuthGrantId.TryParse(identifier, OAuthGrantId.AuthorizationPrefix, out var authorization))
        {
            yield break;
        }

        foreach (var tokenId in await OAuthRecordStore.LinksAsync(grains.OAuthGrant(authorization.Community, authorization.EntityId)))
        {
            if (await FindByIdAsync(tokenId, cancellationToken) is { } token)
            {
                yield return token;
            }
        }
    }

    public ValueTask<OAuthToken?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        OAuthGrantId.TryParse(identifier, OAuthGrantId.TokenPrefix, out var id)
            ? OAuthRecordStore.FindAsync<OAuthToken>(Grain(id))
            : ValueTask.FromResult<OAuthToken?>(null);

    public async ValueTask<OAuthToken?> FindByReferenceIdAsync(string identifier, CancellationToken cancellationToken) =>
        await grains.OAuthReference(identifier).FindAsync() is { } reference ? await FindByIdAsync(reference.Json, cancellationToken) : null;

    public IAsyncEnumerable<OAuthToken> FindBySubjectAsync(string subject, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<OAuthToken>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) => throw Unsupported();
    public IAsyncEnumerable<OAuthToken> ListAsync(int? count, int? offset, CancellationToken cancellationToken) => throw Unsupported();
    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<OAuthToken>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken) => throw Unsupported();

    public async ValueTask<long> RevokeByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken)
    {
        var revoked = 0L;
        await foreach (var token in FindByAuthorizationIdAsync(identifier, cancellationToken))
        {
            if (token.Status != OpenIddictConstants.Statuses.Revoked)
            {
                token.Status = OpenIddictConstants.Statuses.Revoked;
                await UpdateAsync(token, cancellationToken);
                revoked++;
            }
        }

        return revoked;
    }

    public ValueTask<OAuthToken> InstantiateAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new OAuthToken());

    public async ValueTask UpdateAsync(OAuthToken token, CancellationToken cancellationToken)
    {
        await OAuthRecordStore.SaveAsync(Grain(Parse(token.Id)), token, token.ExpirationDate);
        await IndexReferenceAsync(token);
    }

    /// <summary>Indexes a reference token after its entry is stored, so a reference never leads nowhere; a lost race stored the same link.</summary>
    private async Task IndexReferenceAsync(OAuthToken token)
    {
        if (token.ReferenceId is not { } reference || await grains.OAuthReference(reference).FindAsync() is not null)
        {
            return;
        }

        try
        {
            await grains.OAuthReference(reference).PutAsync(token.Id!, expectedVersion: null);
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Conflict)
        {
            // Another request indexed it first, with the same token id.
        }
    }

    public ValueTask<string?> GetApplicationIdAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.ApplicationId);
    public ValueTask<string?> GetAuthorizationIdAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.AuthorizationId);
    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.CreationDate);
    public ValueTask<DateTimeOffset?> GetExpirationDateAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.ExpirationDate);
    public ValueTask<string?> GetIdAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Id);
    public ValueTask<string?> GetPayloadAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Payload);
    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Properties.ToImmutableDictionary());
    public ValueTask<DateTimeOffset?> GetRedemptionDateAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.RedemptionDate);
    public ValueTask<string?> GetReferenceIdAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.ReferenceId);
    public ValueTask<string?> GetStatusAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Status);
    public ValueTask<string?> GetSubjectAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Subject);
    public ValueTask<string?> GetTypeAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Type);

    public ValueTask SetApplicationIdAsync(OAuthToken token, string? identifier, CancellationToken cancellationToken) => Set(() => token.ApplicationId = identifier);
    public ValueTask SetAuthorizationIdAsync(OAuthToken token, string? identifier, CancellationToken cancellationToken) => Set(() => token.AuthorizationId = identifier);
    public ValueTask SetCreationDateAsync(OAuthToken token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.CreationDate = date);
    public ValueTask SetExpirationDateAsync(OAuthToken token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.ExpirationDate = date);
    public ValueTask SetPayloadAsync(OAuthToken token, string? payload, CancellationToken cancellationToken) => Set(() => token.Payload = payload);
    public ValueTask SetPropertiesAsync(OAuthToken token, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) => Set(() => token.Properties = properties.ToDictionary());
    public ValueTask SetRedemptionDateAsync(OAuthToken token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.RedemptionDate = date);
    public ValueTask SetReferenceIdAsync(OAuthToken token, string? identifier, CancellationToken cancellationToken) => Set(() => token.ReferenceId = identifier);
    public ValueTask SetStatusAsync(OAuthToken token, string? status, CancellationToken cancellationToken) => Set(() => token.Status = status);
    public ValueTask SetSubjectAsync(OAuthToken token, string? subject, CancellationToken cancellationToken) => Set(() => token.Subject = subject);
    public ValueTask SetTypeAsync(OAuthToken token, string? type, CancellationToken cancellationToken) => Set(() => token.Type = type);

    private IOAuthRecordGrain Grain(OAuthGrantId id) => grains.OAuthGrant(id.Community, id.EntityId);

    private static OAuthGrantId Parse(string? value) =>
        OAuthGrantId.TryParse(value, OAuthGrantId.TokenPrefix, out var id) ? id : throw new InvalidOperationException($"'{value}' is not a token id.");

    private static ValueTask Set(Action change)
    {
        change();
        return ValueTask.CompletedTask;
    }

    private static NotSupportedException Unsupported() => new("Tokens are found by id or by their authorization only.");
}
