using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.RateLimiting;

/// <summary>The fallback limiter for a single gateway without Redis: .NET's fixed-window limiter per partition.</summary>
public sealed class InProcessRateLimiter(IOptions<RateLimitOptions> options) : IRequestRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<(string Partition, int Permits)> _limiter = PartitionedRateLimiter.Create<(string Partition, int Permits), (string, int)>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.Item2,
            Window = options.Value.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public ValueTask<RateLimitDecision> AcquireAsync(string partition, int permitsPerWindow)
    {
        using var lease = _limiter.AttemptAcquire((partition, permitsPerWindow));
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.Window;
        return ValueTask.FromResult(new RateLimitDecision(lease.IsAcquired, permitsPerWindow, lease.IsAcquired ? TimeSpan.Zero : retryAfter));
    }

    public void Dispose() => _limiter.Dispose();
}
