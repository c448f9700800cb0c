namespace CertGrid.Domain.Retries;

/// <summary>What to do with a request that carries an idempotency key.</summary>
public enum IdempotencyVerdict
{
    /// <summary>Run it (first time, an expired record, or a retry that is safe to run again).</summary>
    Execute,

    /// <summary>Answer with the kept answer of the first request.</summary>
    Replay,

    /// <summary>The first request is still running: retry after a while (409 with <c>Retry-After</c>).</summary>
    InProgress,

    /// <summary>The key was used for a different request (422).</summary>
    KeyReused,

    /// <summary>The first request's outcome is unknown and running it again could apply it twice (409).</summary>
    OutcomeUnknown,
}
