namespace CertGrid.Abstractions.Calibration;

/// <summary>
/// One calibration exercise: its exemplars and their reference levels, in a grain of its own so that exercises never share
/// one storage row however many a community publishes. Publishing is persisted and audited before the call returns, and
/// lists the exercise in its community's calibration (<see cref="ICalibrationGrain"/>) as an effect of the same write.
/// Key: <c>{community}/{exerciseId}</c>.
/// </summary>
public interface ICalibrationExerciseGrain : IGrainWithStringKey
{
    /// <summary>Publishes the exercise on a published credential's rubric; publishing it again returns it unchanged.</summary>
    Task<CalibrationExercise> PublishAsync(PublishCalibrationExercise command, string actor);

    /// <summary>The exercise with its reference levels, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<CalibrationExercise> GetAsync();
}
