using CertGrid.Domain.Governance;

namespace CertGrid.Abstractions.Governance;

/// <summary>How a community's steering committee decides: the quorum, and how early it is warned of ending terms.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.governance-settings")]
public sealed record GovernanceSettings(
    [property: Id(0)] int Quorum,
    [property: Id(1)] int TermWarningDays);

/// <summary>A community's governance: whether it is on (it can never be turned off), the rules and the committee.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.governance-info")]
public sealed record GovernanceInfo(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] int Quorum,
    [property: Id(2)] int TermWarningDays,
    [property: Id(3)] IReadOnlyList<CommitteeSeat> Seats,
    [property: Id(4)] IReadOnlyList<ReviewSchedule> Reviews,
    [property: Id(5)] DateTimeOffset? EnabledAt,
    [property: Id(6)] DateTimeOffset? LastCheckedAt,
    [property: Id(7)] DateTimeOffset AsOf)
{
    public DateOnly Today => DateOnly.FromDateTime(AsOf.UtcDateTime);

    public IEnumerable<CommitteeSeat> InOffice => Seats.Where(s => s.IsActiveOn(Today));
}

/// <summary>An admin's appointment of a person to the committee for a term.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.appoint-seat")]
public sealed record AppointSeat(
    [property: Id(0)] string Person,
    [property: Id(1)] DateOnly StartsOn,
    [property: Id(2)] DateOnly EndsOn);

/// <summary>A change put to the committee by an admin or a committee member.</summary>
/// <param name="SubjectVersion">What exactly is approved: a framework version, or a fingerprint of a definition's, pathway's or policy's content.</param>
/// <param name="ProposerPerson">The proposer's person reference when they are a committee member (null for an admin key).</param>
/// <param name="Content">What exactly is proposed when the subject does not show it itself (a policy change: its canonical JSON).</param>
[GenerateSerializer, Immutable, Alias("certgrid.open-proposal")]
public sealed record OpenProposal(
    [property: Id(0)] ProposalKind Kind,
    [property: Id(1)] string SubjectId,
    [property: Id(2)] string SubjectVersion,
    [property: Id(3)] string Title,
    [property: Id(4)] string? Summary,
    [property: Id(5)] string Actor,
    [property: Id(6)] string? ProposerPerson,
    [property: Id(7)] string? Content = null);

/// <summary>A proposal with its electorate (fixed when it opened), quorum, votes and outcome.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.proposal-info")]
public sealed record ProposalInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] ProposalKind Kind,
    [property: Id(2)] string SubjectId,
    [property: Id(3)] string SubjectVersion,
    [property: Id(4)] string Title,
    [property: Id(5)] string? Summary,
    [property: Id(6)] string ProposedBy,
    [property: Id(7)] string? ProposerPerson,
    [property: Id(8)] DateTimeOffset OpenedAt,
    [property: Id(9)] int Quorum,
    [property: Id(10)] IReadOnlyList<string> Electorate,
    [property: Id(11)] IReadOnlyList<Vote> Votes,
    [property: Id(12)] ProposalStatus Status,
    [property: Id(13)] DateTimeOffset? DecidedAt,
    [property: Id(14)] string? DecidedBy,
    [property: Id(15)] string? Content = null);
