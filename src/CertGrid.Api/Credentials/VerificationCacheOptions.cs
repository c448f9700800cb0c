using System.ComponentModel.DataAnnotations;

namespace CertGrid.Api.Credentials;

/// <summary>How long a gateway reuses a verification result (section <c>Verification</c>).</summary>
public sealed class VerificationCacheOptions
{
    /// <summary>
    /// The longest a result is reused without asking the cluster again. Status changes and withdrawn keys end it
    /// at once on the node where they happen and, through Redis, on every other gateway (and a gateway whose Redis
    /// connection dropped, when announcements could have been lost, drops every result once it is back); this only
    /// bounds what a Redis outage can cost, well inside the 5 minutes a Bitstring Status List may be cached by any
    /// verifier. Zero turns the cache off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Verification:ResultLifetime must be between 0 and 1 minute.")]
    public TimeSpan ResultLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many results a gateway keeps (each roughly 1–2 KB); when full, the least recently read tenth is evicted.
    /// Size it for the credentials verified within <see cref="ResultLifetime"/>.
    /// </summary>
    [Range(100, 1_000_000, ErrorMessage = "Verification:ResultCacheEntries must be between 100 and 1,000,000.")]
    public int ResultCacheEntries { get; set; } = 20_000;

    /// <summary>
    /// Memory for rendered verification pages (each 10–25 KB), reused on the same terms as results: until a status
    /// change or a withdrawn key, and at most <see cref="ResultLifetime"/>. Zero turns page reuse off.
    /// </summary>
    [Range(0, 1L << 32, ErrorMessage = "Verification:PageCacheBytes must be between 0 and 4 GiB.")]
    public long PageCacheBytes { get; set; } = 16L << 20;
}
