namespace CertGrid.Domain.Quality;

/// <summary>
/// A community's calibration rule. With <see cref="Required"/>, an evaluator sits on panels only while calibrated:
/// they passed a calibration exercise (at least <see cref="PassingExact"/> of their levels equal to the reference and
/// <see cref="PassingAdjacent"/> within one level), and since then their levels have not drifted — over their last
/// <see cref="DriftWindow"/> criterion ratings on real attempts, the share equal to the level the panel decided has not
/// fallen below <see cref="DriftThreshold"/>. A drifted evaluator is excluded until they pass a new exercise.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-policy")]
public sealed record CalibrationPolicy(
    [property: Id(0)] bool Required,
    [property: Id(1)] double PassingExact,
    [property: Id(2)] double PassingAdjacent,
    [property: Id(3)] double DriftThreshold,
    [property: Id(4)] int DriftWindow)
{
    public static CalibrationPolicy Default { get; } = new(false, 0.6, 0.9, 0.5, 20);
}
