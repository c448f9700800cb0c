using CertGrid.Domain.Quality;

namespace CertGrid.Abstractions.Calibration;

/// <summary>
/// One evaluator's calibration picture: their standing (what panel selection sees), every exercise result (agreement with
/// the reference over time), how their levels on real attempts agreed with their panels' decisions since they last
/// calibrated (drift), and how often their reviews ended in a consensus discussion or disagreed with their panel's decision (the divergence signal).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.evaluator-calibration")]
public sealed record EvaluatorCalibration(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] CalibrationStanding Standing,
    [property: Id(2)] IReadOnlyList<CalibrationResult> Results,
    [property: Id(3)] int RecentLevels,
    [property: Id(4)] double? RecentAgreement,
    [property: Id(5)] int Discussions,
    [property: Id(6)] int DisagreedWithDecision);

/// <summary>What panel selection needs: the community's policy and every evaluator's standing (absent: never calibrated).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-selection")]
public sealed record CalibrationSelection(
    [property: Id(0)] CalibrationPolicy Policy,
    [property: Id(1)] IReadOnlyDictionary<string, CalibrationStanding> Standings);

/// <summary>A decided attempt's reviews against its decision, as calibration counts them (once per attempt).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-decided-attempt")]
public sealed record DecidedAttemptReviews(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] bool Discussed,
    [property: Id(3)] IReadOnlyList<ReviewAgainstDecision> Reviews);

/// <summary>How one reviewer's levels on a decided attempt compared with the decision, for drift and the calibration view.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-evidence")]
public sealed record ReviewAgainstDecision(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] IReadOnlyList<bool> LevelsMatched,
    [property: Id(2)] bool DisagreedWithDecision);
