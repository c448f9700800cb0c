using CertGrid.Domain.Errors;
namespace CertGrid.Domain.Governance;

/// <summary>
/// A term on the steering committee: a person (a <c>learner:…</c> or <c>evaluator:…</c> reference) holds the seat
/// from <see cref="StartsOn"/> to <see cref="EndsOn"/> inclusive, unless the term was ended early. Terms rotate: a
/// reappointment is a new seat.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.committee-seat")]
public sealed record CommitteeSeat(
    [property: Id(0)] string Id,
    [property: Id(1)] string Person,
    [property: Id(2)] string Name,
    [property: Id(3)] DateOnly StartsOn,
    [property: Id(4)] DateOnly EndsOn,
    [property: Id(5)] DateOnly? EndedEarlyOn,
    [property: Id(6)] string? EndReason,
    [property: Id(7)] string AppointedBy,
    [property: Id(8)] DateTimeOffset AppointedAt)
{
    /// <summary>The last day the seat is held.</summary>
    public DateOnly LastDay => EndedEarlyOn is { } ended && ended < EndsOn ? ended : EndsOn;

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && day <= LastDay;
}
