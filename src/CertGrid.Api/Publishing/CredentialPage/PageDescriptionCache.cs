using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Programs;
using Microsoft.Extensions.Caching.Memory;
using Orleans;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// The descriptive parts of a verification page that every credential of an issuer or achievement shares (the
/// community's name and default language, the definition's texts and rubric), kept for <see cref="Lifetime"/> so a
/// popular page does not ask their grains on every view. Never the verdict, the holder or what the holder made
/// public: those are read for every request.
/// </summary>
public sealed class PageDescriptionCache(IGrainFactory grains) : IDisposable
{
    /// <summary>How long an edit of a community's name or an achievement's texts may take to show on its pages.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public Task<CommunityInfo> IssuerAsync(string community) =>
        GetAsync(("issuer", community), () => grains.GetGrain<ICommunityGrain>(community).GetAsync());

    /// <summary>The definition, or null when it no longer exists.</summary>
    public Task<CredentialDefinitionInfo?> DefinitionAsync(string community, string definitionId) =>
        GetAsync(("definition", $"{community}/{definitionId}"), async () =>
        {
            try
            {
                return await grains.CredentialDefinition(community, definitionId).GetAsync();
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound)
            {
                return (CredentialDefinitionInfo?)null;
            }
        });

    public void Dispose() => _entries.Dispose();

    private async Task<T> GetAsync<T>((string Kind, string Id) key, Func<Task<T>> read)
    {
        if (_entries.TryGetValue(key, out T? cached))
        {
            return cached!;
        }

        var value = await read();
        _entries.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return value;
    }
}
