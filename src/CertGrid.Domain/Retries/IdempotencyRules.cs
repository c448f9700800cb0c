namespace CertGrid.Domain.Retries;

/// <summary>
/// Decides what a request under an idempotency key gets, from what is recorded for that key. A retry never runs
/// while the first request may still be running, never runs a different request under the same key, and runs again
/// after a lost answer only when the operation is safe to run twice (it creates nothing new the second time).
/// </summary>
public static class IdempotencyRules
{
    public static IdempotencyVerdict Decide(IdempotencyEntry? recorded, string fingerprint, bool safeToRunAgain, DateTimeOffset now)
    {
        if (recorded is null || now >= recorded.ExpiresAt)
        {
            return IdempotencyVerdict.Execute;
        }

        if (!string.Equals(recorded.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return IdempotencyVerdict.KeyReused;
        }

        return recorded.Phase switch
        {
            IdempotencyPhase.Completed => IdempotencyVerdict.Replay,
            IdempotencyPhase.Executing when now < recorded.LeaseUntil => IdempotencyVerdict.InProgress,
            _ => safeToRunAgain ? IdempotencyVerdict.Execute : IdempotencyVerdict.OutcomeUnknown,
        };
    }

    /// <summary>Whole seconds until the running request's lease ends (at least 1), for <c>Retry-After</c>.</summary>
    public static int SecondsUntilLeaseEnds(IdempotencyEntry recorded, DateTimeOffset now) =>
        Math.Max(1, (int)Math.Ceiling((recorded.LeaseUntil - now).TotalSeconds));
}
