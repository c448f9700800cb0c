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
/// bound if an announcement from another node is lost). Anything else goes to the verifier grain. At most
/// <see cref="VerificationCacheOptions.ResultCacheEntries"/> results are kept (<see cref="RecentVerificationResults"/>).
/// </summary>
public sealed class VerificationCache(
    IGrainFactory grains, VerificationEpoch epoch, IOptions<VerificationCacheOptions> options, IServiceProvider services) : IDisposable
{
    private readonly RecentVerificationResults _entries = new(options.Value.ResultCacheEntries);
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
        var key = _lifetime > TimeSpan.Zero ? RecentVerificationResults.KeyOf(credential) : null;
        if (key is not null && _entries.TryGet(key, epoch.Current, now, out var entry))
        {
            VerificationMetrics.Hit();
            return (entry.Result, entry.RecheckAt);
        }

        VerificationMetrics.Miss();

        // The epoch is read before asking, so a change made while the grain works leaves this entry stale, not wrong.
        var computedIn = epoch.Current;
        var result = await grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(credential);
        if (key is null)
        {
            return (result, null);
        }

        var recheckAt = RecheckAt(result, now);
        _entries.Remember(key, new RecentVerificationResult(result, computedIn, recheckAt));
        return (result, recheckAt);
    }

    public void Dispose() => _entries.Dispose();

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
}
