using CertGrid.Abstractions.Calibration;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Calibration;

/// <summary>A published exercise is listed in its community's calibration; listing it again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.list-calibration-exercise")]
public sealed record ListCalibrationExercise([property: Id(0)] string ExerciseId, [property: Id(1)] DateTimeOffset PublishedAt) : Effect
{
    public override string Receiver => "calibration";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.GetGrain<ICalibrationGrain>(context.Community).ListExerciseAsync(ExerciseId, PublishedAt);
}
