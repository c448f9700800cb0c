using System.Collections.Concurrent;
using CertGrid.Domain.Identity;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CertGrid.Api.Identity;

/// <summary>
/// The discovery documents and signing keys (JWKS) of the identity providers communities configured, fetched on first
/// use and cached per issuer by Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/> (refreshed hourly, and
/// at once, at most every <see cref="RefreshAtMostEvery"/>, when a token names a key the cache does not know: key rotation).
/// Only issuers of configured communities get here, so the cache holds one entry per configured provider.
/// Plain http is used only for a provider on a loopback address (<see cref="IdentityProviderRules.IsLoopback"/>).
/// </summary>
public sealed class ProviderMetadataCache : IDisposable
{
    public static readonly TimeSpan RefreshAtMostEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _providers = new(StringComparer.Ordinal);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Task<OpenIdConnectConfiguration> GetAsync(string issuer, CancellationToken cancellationToken) =>
        Provider(issuer).GetConfigurationAsync(cancellationToken);

    /// <summary>Fetch the provider's documents again before the next token is checked (its keys may have rotated).</summary>
    public void RequestRefresh(string issuer) => Provider(issuer).RequestRefresh();

    public void Dispose() => _http.Dispose();

    private ConfigurationManager<OpenIdConnectConfiguration> Provider(string issuer) => _providers.GetOrAdd(issuer, name =>
    {
        var metadata = name.TrimEnd('/') + "/.well-known/openid-configuration";
        var retriever = new HttpDocumentRetriever(_http) { RequireHttps = !IdentityProviderRules.IsLoopback(new Uri(name)) };
        return new ConfigurationManager<OpenIdConnectConfiguration>(metadata, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(1),
            RefreshInterval = RefreshAtMostEvery,
        };
    });
}
