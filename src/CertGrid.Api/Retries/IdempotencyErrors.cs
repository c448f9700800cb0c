namespace CertGrid.Api.Retries;

/// <summary>The <c>extensions.code</c>s of requests refused because of their <c>Idempotency-Key</c>.</summary>
public static class IdempotencyErrors
{
    /// <summary>The header is malformed (400).</summary>
    public const string KeyInvalid = "IDEMPOTENCY_KEY_INVALID";

    /// <summary>The key was first used for a different request (422).</summary>
    public const string KeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>The first request under the key is still running (409 with <c>Retry-After</c>).</summary>
    public const string KeyInUse = "IDEMPOTENCY_KEY_IN_USE";

    /// <summary>The first request's answer was lost and running it again could apply it twice (409).</summary>
    public const string OutcomeUnknown = "IDEMPOTENCY_OUTCOME_UNKNOWN";
}
