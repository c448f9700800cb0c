using CertGrid.Abstractions.Calibration;
using CertGrid.Domain.Quality;

namespace CertGrid.Grains.Calibration;

/// <summary>Something calibration counts into an evaluator's record, stored in the grain's row until folded into the tallies.</summary>
[GenerateSerializer, Alias("certgrid.calibration-entry")]
public abstract record CalibrationEntry
{
    /// <summary>Names the entry, so one counted twice (a redelivered decision, a replay after a crash) counts once.</summary>
    public abstract string Id { get; }
}

/// <summary>A decided attempt: how each reviewer's levels compared with the decided levels.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-decision-counted")]
public sealed record DecisionCounted(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] bool Discussed,
    [property: Id(3)] IReadOnlyList<ReviewAgainstDecision> Reviews) : CalibrationEntry
{
    public override string Id => AttemptId;
}

/// <summary>An evaluator's scored calibration exercise (each submission its own entry, however alike).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-result-scored")]
public sealed record ResultScored([property: Id(0)] CalibrationResult Result, [property: Id(1)] string EntryId) : CalibrationEntry
{
    public override string Id => EntryId;
}
