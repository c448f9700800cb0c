namespace CertGrid.Domain.Retries;

/// <summary>
/// What is known about the first request sent under one idempotency key: its fingerprint (a hash of the operation
/// and variables), its phase, until when the gateway running it holds it, and when the record expires.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.idempotency-entry")]
public sealed record IdempotencyEntry(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] IdempotencyPhase Phase,
    [property: Id(2)] DateTimeOffset LeaseUntil,
    [property: Id(3)] DateTimeOffset ExpiresAt);
