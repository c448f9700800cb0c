using CertGrid.Abstractions.Calibration;
using CertGrid.Domain.Quality;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Calibration;

[GenerateSerializer, Alias("certgrid.state.calibration")]
public sealed class CalibrationState : DurableState
{
    [Id(0)] public CalibrationPolicy Policy { get; set; } = CalibrationPolicy.Default;
    /// <summary>Exercises published before each exercise had its own grain (read, never added to).</summary>
    [Id(1)] public List<CalibrationExercise> Exercises { get; set; } = [];
    /// <summary>The evaluators' records as rows held them before they moved to a blob; read once, emptied at the first fold.</summary>
    [Id(2)] public Dictionary<string, EvaluatorCalibrationRecord> Evaluators { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The decided attempts counted, as rows held them before (see <see cref="Evaluators"/>).</summary>
    [Id(3)] public List<string> RecentAttempts { get; set; } = [];

    /// <summary>The published exercises (each in its own <c>CalibrationExerciseGrain</c>), oldest first.</summary>
    [Id(4)] public List<ListedExercise> Listed { get; set; } = [];

    /// <summary>The entries counted since the tallies were last written whole (fewer than <see cref="CalibrationGrain.FoldEvery"/>).</summary>
    [Id(5)] public List<CalibrationEntry> Unfolded { get; set; } = [];
}

/// <summary>An exercise in the community's list: its id and when it was published.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.listed-calibration-exercise")]
public sealed record ListedExercise([property: Id(0)] string Id, [property: Id(1)] DateTimeOffset PublishedAt);

/// <summary>One evaluator's calibration results and their levels on real attempts since, bounded.</summary>
[GenerateSerializer, Alias("certgrid.evaluator-calibration-record")]
public sealed class EvaluatorCalibrationRecord
{
    [Id(0)] public List<CalibrationResult> Results { get; set; } = [];
    [Id(1)] public List<LevelCheck> Levels { get; set; } = [];
    [Id(2)] public int Discussions { get; set; }
    [Id(3)] public int DisagreedWithDecision { get; set; }
}

/// <summary>One criterion level an evaluator gave on a decided attempt, and whether it equalled the decided level.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.level-check")]
public sealed record LevelCheck([property: Id(0)] DateTimeOffset At, [property: Id(1)] bool Matched);
