using CertGrid.Domain.Quality;

namespace CertGrid.Abstractions.Calibration;

/// <summary>
/// A community's calibration: its policy (a community setting), the list of exercises admins publish (each exercise's
/// exemplars live in its own <see cref="ICalibrationExerciseGrain"/>), evaluators' blind results, and what decided
/// attempts say about each evaluator's drift. One per community; every change is persisted before the call returns.
/// Key: the community id.
/// </summary>
public interface ICalibrationGrain : IGrainWithStringKey
{
    /// <summary>How many of the newest exercises a list shows.</summary>
    public const int ExercisesListed = 50;

    Task<CalibrationPolicy> SetPolicyAsync(CalibrationPolicy policy, string actor);

    [ReadOnly]
    Task<CalibrationPolicy> GetPolicyAsync();

    /// <summary>Publishes an exercise on a published credential's rubric; every exemplar needs a valid reference level for every criterion.</summary>
    Task<CalibrationExercise> PublishAsync(string exerciseId, PublishCalibrationExercise command, string actor);

    /// <summary>Lists a published exercise (the effect of publishing it); idempotent. Interleaves: it arrives while <see cref="PublishAsync"/> waits.</summary>
    [AlwaysInterleave]
    Task ListExerciseAsync(string exerciseId, DateTimeOffset publishedAt);

    /// <summary>The newest exercises (at most <see cref="ExercisesListed"/>), newest first; with <paramref name="withReference"/> false, blind.</summary>
    [ReadOnly]
    Task<IReadOnlyList<CalibrationExercise>> ListExercisesAsync(bool withReference);

    /// <summary>Scores an evaluator's blind levels against the reference; the result decides their standing from now on.</summary>
    Task<CalibrationResult> SubmitAsync(string evaluatorId, string exerciseId, IReadOnlyList<CalibrationScore> scores);

    /// <summary>
    /// Counts decided attempts' reviews against their decisions (drift, discussions, divergence), all in one write.
    /// Idempotent per attempt. Effects send the decisions that arrive together in one call (<c>CalibrationRecorder</c>).
    /// </summary>
    Task RecordDecisionsAsync(IReadOnlyList<DecidedAttemptReviews> decisions);

    [ReadOnly]
    Task<IReadOnlyList<EvaluatorCalibration>> ListEvaluatorsAsync();

    [ReadOnly]
    Task<CalibrationSelection> GetSelectionAsync();
}
