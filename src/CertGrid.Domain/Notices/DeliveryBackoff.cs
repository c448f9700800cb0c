namespace CertGrid.Domain.Notices;

/// <summary>
/// When a failed webhook delivery is tried again: <c>initial × 2^(attempt-1)</c>, at most <c>max</c>; after
/// <c>maxAttempts</c> failed attempts it goes to the dead-letter list.
/// </summary>
public static class DeliveryBackoff
{
    /// <summary>The delay after failed attempt number <paramref name="attempt"/> (1-based), or null when it should be dead-lettered.</summary>
    public static TimeSpan? After(int attempt, int maxAttempts, TimeSpan initial, TimeSpan max)
    {
        if (attempt >= maxAttempts)
        {
            return null;
        }

        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(initial.Ticks * factor, max.Ticks));
        return delay;
    }
}
