using System.ComponentModel.DataAnnotations;

namespace CertGrid.Api.Retries;

/// <summary>How idempotency keys are kept (section <c>Idempotency</c>); docs/api/graphql.md explains them.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long after its first use a key's answer is replayed; afterwards the key is free again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Idempotency:Window must be between 1 minute and 7 days.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a gateway holds a key while it runs the request; retries meanwhile are told to wait. Never less than
    /// <c>GraphQL:ExecutionTimeout</c> + 5 s (a longer timeout lengthens it), so a lease only ends early when its gateway died.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00", ErrorMessage = "Idempotency:Lease must be between 2 seconds and 10 minutes.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest answer kept for replay, in bytes; a larger one is treated as lost (see docs).</summary>
    [Range(1024, 1024 * 1024, ErrorMessage = "Idempotency:MaxAnswerBytes must be between 1 KiB and 1 MiB.")]
    public int MaxAnswerBytes { get; set; } = 256 * 1024;
}
