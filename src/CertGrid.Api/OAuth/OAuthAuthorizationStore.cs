using System.Collections.Immutable;
using System.Text.Json;
using CertGrid.Abstractions.OAuth;
using OpenIddict.Abstractions;
using Orleans;

namespace CertGrid.Api.OAuth;

/// <summary>
/// OpenIddict's authorization store on <see cref="IOAuthRecordGrain"/>, in the consenting learner's community
/// (ids are <see cref="OAuthGrantId"/>s). Consent is asked on every authorization request, so the lookups by
/// subject or client that remembered consents would need are not offered.
/// </summary>
public sealed class OAuthAuthorizationStore(IGrainFactory grains) : IOpenIddictAuthorizationStore<OAuthAuthorization>
{
    /// <summary>How long an authorization is kept before any token is issued under it (longer than a code lives).</summary>
    public static readonly TimeSpan UnusedLifetime = TimeSpan.FromMinutes(10);

    public ValueTask<long> CountAsync(CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OAuthAuthorization>, IQueryable<TResult>> query, CancellationToken cancellationToken) => throw Unsupported();

    public ValueTask CreateAsync(OAuthAuthorization authorization, CancellationToken cancellationToken)
    {
        if (!LearnerSubject.TryParse(authorization.Subject, out var subject))
        {
            throw new InvalidOperationException("An authorization is granted by a learner (subject {community}/{learnerId}).");
        }

        var id = OAuthGrantId.New(subject.Community, OAuthGrantId.AuthorizationPrefix);
        authorization.Id = id.ToString();
        // Its tokens keep it longer; one whose code was never even issued goes after this.
        return OAuthRecordStore.SaveAsync(Grain(id), authorization, (authorization.CreationDate ?? DateTimeOffset.UtcNow) + UnusedLifetime);
    }

    public ValueTask DeleteAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) =>
        OAuthRecordStore.DeleteAsync(Grain(Parse(authorization.Id)), authorization);

    public IAsyncEnumerable<OAuthAuthorization> FindAsync(string? subject, string? client, string? status, string? type, ImmutableArray<string>? scopes, CancellationToken cancellationToken) => AsyncEnumerable.Empty<OAuthAuthorization>();
    public IAsyncEnumerable<OAuthAuthorization> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) => throw Unsupported();

    public ValueTask<OAuthAuthorization?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        OAuthGrantId.TryParse(identifier, OAuthGrantId.AuthorizationPrefix, out var id)
            ? OAuthRecordStore.FindAsync<OAuthAuthorization>(Grain(id))
            : ValueTask.FromResult<OAuthAuthorization?>(null);

    public IAsyncEnumerable<OAuthAuthorization> FindBySubjectAsync(string subject, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<OAuthAuthorization>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) => throw Unsupported();
    public IAsyncEnumerable<OAuthAuthorization> ListAsync(int? count, int? offset, CancellationToken cancellationToken) => throw Unsupported();
    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<OAuthAuthorization>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken) => throw Unsupported();

    public ValueTask<OAuthAuthorization> InstantiateAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new OAuthAuthorization());

    public ValueTask UpdateAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) =>
        OAuthRecordStore.SaveAsync(Grain(Parse(authorization.Id)), authorization);

    public ValueTask<string?> GetApplicationIdAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.ApplicationId);
    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.CreationDate);
    public ValueTask<string?> GetIdAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Id);
    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Properties.ToImmutableDictionary());
    public ValueTask<ImmutableArray<string>> GetScopesAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new([.. authorization.Scopes]);
    public ValueTask<string?> GetStatusAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Status);
    public ValueTask<string?> GetSubjectAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Subject);
    public ValueTask<string?> GetTypeAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Type);

    public ValueTask SetApplicationIdAsync(OAuthAuthorization authorization, string? identifier, CancellationToken cancellationToken) => Set(() => authorization.ApplicationId = identifier);
    public ValueTask SetCreationDateAsync(OAuthAuthorization authorization, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => authorization.CreationDate = date);
    public ValueTask SetPropertiesAsync(OAuthAuthorization authorization, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) => Set(() => authorization.Properties = properties.ToDictionary());
    public ValueTask SetScopesAsync(OAuthAuthorization authorization, ImmutableArray<string> scopes, CancellationToken cancellationToken) => Set(() => authorization.Scopes = [.. scopes]);
    public ValueTask SetStatusAsync(OAuthAuthorization authorization, string? status, CancellationToken cancellationToken) => Set(() => authorization.Status = status);
    public ValueTask SetSubjectAsync(OAuthAuthorization authorization, string? subject, CancellationToken cancellationToken) => Set(() => authorization.Subject = subject);
    public ValueTask SetTypeAsync(OAuthAuthorization authorization, string? type, CancellationToken cancellationToken) => Set(() => authorization.Type = type);

    private IOAuthRecordGrain Grain(OAuthGrantId id) => grains.OAuthGrant(id.Community, id.EntityId);

    private static OAuthGrantId Parse(string? value) =>
        OAuthGrantId.TryParse(value, OAuthGrantId.AuthorizationPrefix, out var id) ? id : throw new InvalidOperationException($"'{value}' is not an authorization id.");

    private static ValueTask Set(Action change)
    {
        change();
        return ValueTask.CompletedTask;
    }

    private static NotSupportedException Unsupported() => new("Authorizations are found by id only; consent is asked on every authorization request.");
}
