using CertGrid.Domain.Errors;
namespace CertGrid.Domain.Governance;

/// <summary>A committee member's vote on a proposal, with the key it was cast with (for the audit trail).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.vote")]
public sealed record Vote(
    [property: Id(0)] string Person,
    [property: Id(1)] string SeatId,
    [property: Id(2)] bool Approve,
    [property: Id(3)] string? Comment,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string Actor);
