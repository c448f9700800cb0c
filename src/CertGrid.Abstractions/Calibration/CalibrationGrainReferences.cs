using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Calibration;

/// <summary>Typed references to the Calibration grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class CalibrationGrainReferences
{
    /// <summary>One calibration exercise.</summary>
    public static ICalibrationExerciseGrain CalibrationExercise(this IGrainFactory grains, string community, string exerciseId) =>
        grains.InCommunity<ICalibrationExerciseGrain>(community, exerciseId);
}
