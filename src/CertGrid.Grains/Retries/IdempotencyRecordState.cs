using CertGrid.Abstractions.Retries;
using CertGrid.Domain.Retries;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Retries;

[GenerateSerializer, Alias("certgrid.state.idempotency-record")]
public sealed class IdempotencyRecordState : DurableState
{
    /// <summary>The first request under the key; null before any.</summary>
    [Id(0)] public IdempotencyEntry? Entry { get; set; }

    /// <summary>Which run holds the key now (a new one each time the request runs).</summary>
    [Id(1)] public string? ClaimId { get; set; }

    /// <summary>The answer of the run that completed; null until then.</summary>
    [Id(2)] public RecordedAnswer? Answer { get; set; }

    /// <summary>Whether an earlier run under the key lost its answer (so the key cannot simply be forgotten).</summary>
    [Id(3)] public bool RanBefore { get; set; }
}
