using CertGrid.Domain.Retries;

namespace CertGrid.Abstractions.Retries;

/// <summary>
/// The answer to a claim: run it (with the claim id to complete it), replay <see cref="Answer"/>, or refuse (with the
/// seconds to wait when the first request is still running). <see cref="RanBefore"/> says a run-again follows a lost answer;
/// <see cref="ExpiresAt"/> is when the key's record expires (the grains a run changes remember its operations until then).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.idempotency-claim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] IdempotencyVerdict Verdict,
    [property: Id(1)] string? ClaimId,
    [property: Id(2)] RecordedAnswer? Answer,
    [property: Id(3)] int RetryAfterSeconds,
    [property: Id(4)] bool RanBefore,
    [property: Id(5)] DateTimeOffset ExpiresAt = default);

/// <summary>An HTTP answer as it was sent: status, content type and body.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.recorded-answer")]
public sealed record RecordedAnswer(
    [property: Id(0)] int Status,
    [property: Id(1)] string ContentType,
    [property: Id(2)] byte[] Body);

/// <summary>How long a record is kept, and how long a gateway holds a key while it runs the request.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.idempotency-terms")]
public sealed record IdempotencyTerms(
    [property: Id(0)] TimeSpan Window,
    [property: Id(1)] TimeSpan Lease);
