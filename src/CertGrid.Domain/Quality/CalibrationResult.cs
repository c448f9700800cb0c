namespace CertGrid.Domain.Quality;

/// <summary>
/// How an evaluator's blind scoring of a calibration exercise compared with the agreed reference levels, over every
/// exemplar and criterion: exact and adjacent agreement, quadratic weighted kappa, and the mean signed gap in levels
/// (negative = harsher than the reference).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-result")]
public sealed record CalibrationResult(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] string ExerciseId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int Ratings,
    [property: Id(4)] double Exact,
    [property: Id(5)] double Adjacent,
    [property: Id(6)] double? QuadraticKappa,
    [property: Id(7)] double MeanGap,
    [property: Id(8)] bool Passed);
