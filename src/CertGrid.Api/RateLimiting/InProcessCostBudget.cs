using System.Collections.Concurrent;

namespace CertGrid.Api.RateLimiting;

/// <summary>The fallback for a single gateway without Redis: one bucket per partition in this process.</summary>
public sealed class InProcessCostBudget(TimeProvider clock) : ICostBudget
{
    /// <summary>Partitions kept before full buckets (which hold no information) are dropped.</summary>
    private const int MaxPartitions = 100_000;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public ValueTask<BudgetDecision> SpendAsync(string partition, BudgetLimits limits, long points)
    {
        var now = clock.GetTimestamp();
        if (_buckets.Count > MaxPartitions)
        {
            foreach (var (key, full) in _buckets.Where(b => b.Value.IsFull(limits, now, clock)))
            {
                _buckets.TryRemove(new KeyValuePair<string, Bucket>(key, full));
            }
        }

        var bucket = _buckets.GetOrAdd(partition, _ => new Bucket(limits.Capacity, now));
        lock (bucket)
        {
            var available = bucket.Refilled(limits, now, clock);
            var allowed = points <= available;
            bucket.Available = allowed ? available - points : available;
            bucket.At = now;
            return ValueTask.FromResult(new BudgetDecision(allowed, points, bucket.Available, limits));
        }
    }

    private sealed class Bucket(double available, long at)
    {
        public double Available { get; set; } = available;

        public long At { get; set; } = at;

        public double Refilled(BudgetLimits limits, long now, TimeProvider clock) =>
            Math.Min(limits.Capacity, Available + (clock.GetElapsedTime(At, now).TotalSeconds * limits.RestorePerSecond));

        public bool IsFull(BudgetLimits limits, long now, TimeProvider clock) => Refilled(limits, now, clock) >= limits.Capacity;
    }
}
