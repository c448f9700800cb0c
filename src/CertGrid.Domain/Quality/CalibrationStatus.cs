namespace CertGrid.Domain.Quality;

/// <summary>Where an evaluator stands with calibration.</summary>
public enum CalibrationStatus
{
    /// <summary>Has not taken a calibration exercise.</summary>
    NotCalibrated,

    /// <summary>Passed their latest exercise and has not drifted since.</summary>
    Calibrated,

    /// <summary>Did not pass their latest exercise.</summary>
    Failed,

    /// <summary>Passed, but their levels on real attempts have since drifted from their panels' decisions.</summary>
    Drifted,
}

/// <summary>An evaluator's calibration standing, since when, and the reason in words (shown in selection reasons).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-standing")]
public sealed record CalibrationStanding(
    [property: Id(0)] CalibrationStatus Status,
    [property: Id(1)] DateTimeOffset? Since,
    [property: Id(2)] string Reason)
{
    public static CalibrationStanding None { get; } = new(CalibrationStatus.NotCalibrated, null, "has not taken a calibration exercise");
}
