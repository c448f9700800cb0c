using CertGrid.Abstractions.Calibration;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Calibration;

[GenerateSerializer, Alias("certgrid.state.calibration-exercise")]
public sealed class CalibrationExerciseState : DurableState
{
    [Id(0)] public CalibrationExercise? Exercise { get; set; }
}
