using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Quality;

namespace CertGrid.Abstractions.Evaluators;

/// <summary>
/// A request to staff a panel (an attempt's, or an appeal's) with independent evaluators: who is assessed, what
/// conflict-of-interest rules know about them, what evaluators must offer, and how many seats the panel has.
/// </summary>
/// <param name="PanelId">The attempt or appeal id the panel belongs to.</param>
/// <param name="AllowPartial">Fill what can be filled and return (a panel growing or replacing a seat), instead of refusing.</param>
/// <param name="CalibrationStandings">Evaluators' calibration standings, when the community requires calibration (absent: never calibrated).</param>
[GenerateSerializer, Immutable, Alias("certgrid.panel-request")]
public sealed record PanelRequest(
    [property: Id(0)] string PanelId,
    [property: Id(1)] AssessedParty Learner,
    [property: Id(2)] ConflictContext Conflicts,
    [property: Id(3)] PanelRequirements Requirements,
    [property: Id(4)] int PanelSize,
    [property: Id(5)] bool AllowPartial,
    [property: Id(6)] IReadOnlyDictionary<string, CalibrationStanding>? CalibrationStandings = null);

/// <summary>The panel after a request: the evaluators added by it with their reasons, every member, and who was passed over.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.panel-staffing")]
public sealed record PanelStaffing(
    [property: Id(0)] IReadOnlyList<EvaluatorAssignment> Added,
    [property: Id(1)] IReadOnlyList<string> Members,
    [property: Id(2)] string PassedOver);

/// <summary>Why an evaluator leaves a panel before reviewing.</summary>
public enum SeatRelease
{
    /// <summary>They declared a conflict or could not review, with a reason.</summary>
    Recused,
    /// <summary>They missed the review deadline; it counts against them.</summary>
    Overdue,
}
