namespace CertGrid.Domain.Retries;

/// <summary>Where the request first sent under an idempotency key stands.</summary>
public enum IdempotencyPhase
{
    /// <summary>A gateway is executing it; until its lease ends, others wait.</summary>
    Executing,

    /// <summary>It ran and its answer is kept; retries get that answer.</summary>
    Completed,

    /// <summary>It ran but its answer was lost (the cluster did not answer): it may or may not have been applied.</summary>
    OutcomeUnknown,
}
