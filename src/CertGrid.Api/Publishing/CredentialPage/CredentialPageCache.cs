using System.Text;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Hosting;
using CertGrid.Api.Credentials;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// Rendered verification pages, reused on the terms of the verification results they show: while the
/// <see cref="VerificationEpoch"/> is the one read before the page was gathered (no status bit flipped and no key was
/// withdrawn since, here or on a node that announced it) and the domain clock is before the instant the verification
/// cache gave (a validity date, or <see cref="VerificationCacheOptions.ResultLifetime"/>, 5 s by default). A page is
/// kept per credential and <c>Accept-Language</c>; what the holder changes on their profile shows within that lifetime.
/// Memory is bounded by <see cref="VerificationCacheOptions.PageCacheBytes"/>.
/// </summary>
public sealed class CredentialPageCache(CredentialPageLoader pages, VerificationEpoch epoch, IOptions<VerificationCacheOptions> options, IServiceProvider services)
    : IDisposable
{
    /// <summary>Longer <c>Accept-Language</c> headers than this are answered without reuse (they would only fill memory).</summary>
    public const int MaxAcceptLanguageLength = 128;

    private readonly TimeProvider _clock = services.GetKeyedService<TimeProvider>(DomainClock.ServiceKey) ?? TimeProvider.System;
    private readonly MemoryCache? _entries = options.Value.PageCacheBytes > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.PageCacheBytes, CompactionPercentage = 0.25 })
        : null;

    private long _hits;

    /// <summary>Pages answered from memory so far (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The page as UTF-8 HTML, or null when there is no such credential.</summary>
    public async Task<byte[]?> RenderAsync(string community, string credentialId, string acceptLanguage)
    {
        var key = _entries is not null && acceptLanguage.Length <= MaxAcceptLanguageLength ? $"{community}/{credentialId}/{acceptLanguage}" : null;
        if (key is not null && _entries!.TryGetValue(key, out Entry? entry) && entry!.Epoch == epoch.Current && _clock.GetUtcNow() < entry.Until)
        {
            Interlocked.Increment(ref _hits);
            return entry.Html;
        }

        // The epoch is read before gathering, so a change made meanwhile leaves the entry stale, never wrong.
        var computedIn = epoch.Current;
        if (await pages.LoadAsync(community, credentialId, acceptLanguage) is not { } model)
        {
            return null;
        }

        var html = Encoding.UTF8.GetBytes(CredentialPageHtml.Render(model));
        if (key is not null && model.ReusableUntil is { } until)
        {
            _entries!.Set(key, new Entry(html, computedIn, until), new MemoryCacheEntryOptions { Size = html.Length, AbsoluteExpiration = until });
        }

        return html;
    }

    public void Dispose() => _entries?.Dispose();

    private sealed record Entry(byte[] Html, long Epoch, DateTimeOffset Until);
}
