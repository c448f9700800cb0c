using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using CertGrid.Abstractions.OAuth;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Orleans;

namespace CertGrid.Api.OAuth;

/// <summary>
/// OpenIddict's application store on <see cref="IOAuthRecordGrain"/>: a client is found by its client id, which is
/// also its id. Listing every client is not offered (nothing in the OAuth flows needs it).
/// </summary>
public sealed class OAuthApplicationStore(IGrainFactory grains) : IOpenIddictApplicationStore<OAuthApplication>
{
    public ValueTask<long> CountAsync(CancellationToken cancellationToken) => throw Unsupported();
    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OAuthApplication>, IQueryable<TResult>> query, CancellationToken cancellationToken) => throw Unsupported();

    public ValueTask CreateAsync(OAuthApplication application, CancellationToken cancellationToken)
    {
        application.Id = application.ClientId ?? throw new ArgumentException("A client needs a client id.", nameof(application));
        return OAuthRecordStore.SaveAsync(grains.OAuthClient(application.Id), application);
    }

    public ValueTask DeleteAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        OAuthRecordStore.DeleteAsync(grains.OAuthClient(application.Id!), application);

    public ValueTask<OAuthApplication?> FindByIdAsync(string identifier, CancellationToken cancellationToken) => FindByClientIdAsync(identifier, cancellationToken);

    public ValueTask<OAuthApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken) =>
        !EntityId.IsValid(identifier, IdPrefixes.OAuthClient) ? ValueTask.FromResult<OAuthApplication?>(null) : OAuthRecordStore.FindAsync<OAuthApplication>(grains.OAuthClient(identifier));

    // Only logout (not offered) and OpenIddict's optional redirect lookups use these; clients are found by client id.
    public IAsyncEnumerable<OAuthApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) => AsyncEnumerable.Empty<OAuthApplication>();
    public IAsyncEnumerable<OAuthApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) => AsyncEnumerable.Empty<OAuthApplication>();

    public ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<OAuthApplication>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) => throw Unsupported();
    public IAsyncEnumerable<OAuthApplication> ListAsync(int? count, int? offset, CancellationToken cancellationToken) => throw Unsupported();
    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<OAuthApplication>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) => throw Unsupported();

    public ValueTask<OAuthApplication> InstantiateAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new OAuthApplication());

    public ValueTask UpdateAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        OAuthRecordStore.SaveAsync(grains.OAuthClient(application.Id!), application);

    public ValueTask<string?> GetApplicationTypeAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ApplicationType);
    public ValueTask<string?> GetClientIdAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ClientId);
    public ValueTask<string?> GetClientSecretAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ClientSecret);
    public ValueTask<string?> GetClientTypeAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ClientType);
    public ValueTask<string?> GetConsentTypeAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ConsentType);
    public ValueTask<string?> GetDisplayNameAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        new(application.DisplayNames.ToImmutableDictionary(p => CultureInfo.GetCultureInfo(p.Key), p => p.Value));

    public ValueTask<string?> GetIdAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.Id);

    public ValueTask<JsonWebKeySet?> GetJsonWebKeySetAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        new(application.JsonWebKeySet is { } set ? JsonWebKeySet.Create(set) : null);

    public ValueTask<ImmutableArray<string>> GetPermissionsAsync(OAuthApplication application, CancellationToken cancellationToken) => new([.. application.Permissions]);
    public ValueTask<ImmutableArray<string>> GetPostLogoutRedirectUrisAsync(OAuthApplication application, CancellationToken cancellationToken) => new([.. application.PostLogoutRedirectUris]);
    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.Properties.ToImmutableDictionary());
    public ValueTask<ImmutableArray<string>> GetRedirectUrisAsync(OAuthApplication application, CancellationToken cancellationToken) => new([.. application.RedirectUris]);
    public ValueTask<ImmutableArray<string>> GetRequirementsAsync(OAuthApplication application, CancellationToken cancellationToken) => new([.. application.Requirements]);
    public ValueTask<ImmutableDictionary<string, string>> GetSettingsAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.Settings.ToImmutableDictionary());

    public ValueTask SetApplicationTypeAsync(OAuthApplication application, string? type, CancellationToken cancellationToken) => Set(() => application.ApplicationType = type);
    public ValueTask SetClientIdAsync(OAuthApplication application, string? identifier, CancellationToken cancellationToken) => Set(() => application.ClientId = identifier);
    public ValueTask SetClientSecretAsync(OAuthApplication application, string? secret, CancellationToken cancellationToken) => Set(() => application.ClientSecret = secret);
    public ValueTask SetClientTypeAsync(OAuthApplication application, string? type, CancellationToken cancellationToken) => Set(() => application.ClientType = type);
    public ValueTask SetConsentTypeAsync(OAuthApplication application, string? type, CancellationToken cancellationToken) => Set(() => application.ConsentType = type);
    public ValueTask SetDisplayNameAsync(OAuthApplication application, string? name, CancellationToken cancellationToken) => Set(() => application.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(OAuthApplication application, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) =>
        Set(() => application.DisplayNames = names.ToDictionary(p => p.Key.Name, p => p.Value));

    public ValueTask SetJsonWebKeySetAsync(OAuthApplication application, JsonWebKeySet? set, CancellationToken cancellationToken) =>
        Set(() => application.JsonWebKeySet = set is null ? null : JsonSerializer.Serialize(set));

    public ValueTask SetPermissionsAsync(OAuthApplication application, ImmutableArray<string> permissions, CancellationToken cancellationToken) => Set(() => application.Permissions = [.. permissions]);
    public ValueTask SetPostLogoutRedirectUrisAsync(OAuthApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) => Set(() => application.PostLogoutRedirectUris = [.. uris]);
    public ValueTask SetPropertiesAsync(OAuthApplication application, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) => Set(() => application.Properties = properties.ToDictionary());
    public ValueTask SetRedirectUrisAsync(OAuthApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) => Set(() => application.RedirectUris = [.. uris]);
    public ValueTask SetRequirementsAsync(OAuthApplication application, ImmutableArray<string> requirements, CancellationToken cancellationToken) => Set(() => application.Requirements = [.. requirements]);
    public ValueTask SetSettingsAsync(OAuthApplication application, ImmutableDictionary<string, string> settings, CancellationToken cancellationToken) => Set(() => application.Settings = settings.ToDictionary());

    private static ValueTask Set(Action change)
    {
        change();
        return ValueTask.CompletedTask;
    }

    private static NotSupportedException Unsupported() => new("Registered clients are found by client id only.");
}
