namespace CertGrid.Domain.ContinuingEducation;

/// <summary>
/// The days whose activities count toward renewing one credential: from the day it became valid through the
/// day before <see cref="EndsBefore"/> (the day after it was renewed, or after it lapses). A credit counts toward
/// the cycle its activity date falls in.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.ce-cycle")]
public sealed record CeCycle(
    [property: Id(0)] DateOnly StartsOn,
    [property: Id(1)] DateOnly EndsBefore)
{
    public bool Contains(DateOnly day) => day >= StartsOn && day < EndsBefore;
}
