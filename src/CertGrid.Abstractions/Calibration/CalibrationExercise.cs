using CertGrid.Domain.Credentials;

namespace CertGrid.Abstractions.Calibration;

/// <summary>One exemplar submission of a calibration exercise, with the levels the community agreed it deserves per criterion.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-exemplar")]
public sealed record CalibrationExemplar(
    [property: Id(0)] string Title,
    [property: Id(1)] string Content,
    [property: Id(2)] IReadOnlyList<CriterionResult> ReferenceLevels);

/// <summary>What an admin publishes: exemplars scored against a credential's rubric, each with its agreed reference levels.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.publish-calibration-exercise")]
public sealed record PublishCalibrationExercise(
    [property: Id(0)] string Title,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] IReadOnlyList<CalibrationExemplar> Exemplars);

/// <summary>
/// A published calibration exercise. <see cref="Exemplars"/> carry their reference levels only for admins; an evaluator
/// is given them without (<see cref="Blind"/>), so they score blind.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-exercise")]
public sealed record CalibrationExercise(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string DefinitionId,
    [property: Id(3)] Domain.Programs.Rubric Rubric,
    [property: Id(4)] IReadOnlyList<CalibrationExemplar> Exemplars,
    [property: Id(5)] DateTimeOffset PublishedAt,
    [property: Id(6)] string PublishedBy)
{
    public CalibrationExercise Blind() => this with { Exemplars = Exemplars.Select(e => e with { ReferenceLevels = [] }).ToList() };
}

/// <summary>An evaluator's level for one criterion of one exemplar (exemplars numbered from 0 in published order).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.calibration-score")]
public sealed record CalibrationScore(
    [property: Id(0)] int Exemplar,
    [property: Id(1)] string CriterionCode,
    [property: Id(2)] string Level);
