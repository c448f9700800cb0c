using System.Collections.Concurrent;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Hosting;
using CertGrid.Domain.Credentials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.Credentials;

/// <summary>
/// Verification results this gateway already computed, reused while nothing that decides them can have changed:
/// the <see cref="VerificationEpoch"/> is the one they were computed in (no status bit flipped and no key was
/// withdrawn since, here or on any node that announced it), the credential's validity dates have not been crossed
/// on the domain clock, and the entry is younger than <see cref="VerificationCacheOptions.ResultLifetime"/> (the
/// bound if an announcement from another node is lost). Anything else goes to the verifier grain.
/// </summary>
public sealed class VerificationCache(
    IGrainFactory grains, VerificationEpoch epoch, IOptions<VerificationCacheOptions> options, IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = services.GetKeyedService<TimeProvider>(DomainClock.ServiceKey) ?? TimeProvider.System;
    private readonly TimeSpan _lifetime = options.Value.ResultLifetime;

    public async Task<VerificationResult> VerifyAsync(string credential) => (await VerifyReusableAsync(credential)).Result;

    /// <summary>
    /// The verdict, and until when it may be reused while the epoch does not move (null when results are not
    /// reused at all): what a cached GraphQL response of it may rely on.
    /// </summary>
    public async Task<(VerificationResult Result, DateTimeOffset? ReusableUntil)> VerifyReusableAsync(string credential)
    {
        var now = _clock.GetUtcNow();
        if (_entries.TryGetValue(credential, out var entry) && entry.Epoch == epoch.Current && now < entry.RecheckAt)
        {
            VerificationMetrics.Hit();
            return (entry.Result, entry.RecheckAt);
        }

        VerificationMetrics.Miss();

        // The epoch is read before asking, so a change made while the grain works leaves this entry stale, not wrong.
        var computedIn = epoch.Current;
        var result = await grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(credential);
        if (_lifetime <= TimeSpan.Zero)
        {
            return (result, null);
        }

        if (_entries.Count >= options.Value.ResultCacheEntries)
        {
            _entries.Clear();
        }

        var recheckAt = RecheckAt(result, now);
        _entries[credential] = new Entry(result, computedIn, recheckAt);
        return (result, recheckAt);
    }

    /// <summary>The next instant the verdict could change by itself: a validity date, or the end of the entry's lifetime.</summary>
    private DateTimeOffset RecheckAt(VerificationResult result, DateTimeOffset now)
    {
        var at = now + _lifetime;
        foreach (var boundary in new[] { result.ValidFrom, result.ValidUntil })
        {
            if (boundary is { } instant && instant > now && instant < at)
            {
                at = instant;
            }
        }

        return at;
    }

    private sealed record Entry(VerificationResult Result, long Epoch, DateTimeOffset RecheckAt);
}
