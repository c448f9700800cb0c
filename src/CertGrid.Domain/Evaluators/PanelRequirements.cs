using CertGrid.Domain.Assessments;
using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Evaluators;

/// <summary>
/// What an evaluator must offer to sit on a panel: expertise in the rubric's competencies, a language, availability
/// now, and — when the community's <paramref name="Calibration"/> policy requires it — a current calibration.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.panel-requirements")]
public sealed record PanelRequirements(
    [property: Id(0)] IReadOnlyList<string> Competencies,
    [property: Id(1)] ExpertiseMatch Expertise,
    [property: Id(2)] string? Language,
    [property: Id(3)] DateTimeOffset Now,
    [property: Id(4)] CalibrationPolicy? Calibration = null)
{
    /// <summary>No expertise or language required; availability is judged at the given time.</summary>
    public static PanelRequirements None(DateTimeOffset now) => new([], ExpertiseMatch.AnyCompetency, null, now);
}
