using CertGrid.Domain.Governance;

namespace CertGrid.Abstractions.Governance;

/// <summary>
/// A community's governance: the steering committee's rules, the proposals it votes on, the framework review
/// schedule and the notices it raises. One reminder per community drives the daily checks (reviews due, terms
/// ending). Subjects (frameworks, credential definitions, pathways, policies) read decisions from here; this grain never
/// calls them. Key: the community id.
/// </summary>
public interface IGovernanceGrain : IGrainWithStringKey
{
    /// <summary>Turns governance on (for good) or changes its rules, and starts the daily reminder.</summary>
    Task<GovernanceInfo> ConfigureAsync(GovernanceSettings settings, string actor);

    [ReadOnly]
    Task<GovernanceInfo> GetAsync();

    /// <summary>Opens a proposal; its electorate is the committee in office now, without the proposer.</summary>
    Task<ProposalInfo> OpenProposalAsync(OpenProposal command);

    /// <summary>Records a committee member's vote and decides the proposal once the quorum is reached or out of reach.</summary>
    Task<ProposalInfo> VoteAsync(string proposalId, string voterPerson, bool approve, string? comment, string actor);

    /// <summary>Withdraws an open proposal. Idempotent.</summary>
    Task<ProposalInfo> WithdrawAsync(string proposalId, string actor);

    [ReadOnly]
    Task<ProposalInfo> GetProposalAsync(string proposalId);

    /// <summary>The newest proposal about a subject, or null.</summary>
    [ReadOnly]
    Task<ProposalInfo?> FindLatestAsync(ProposalKind kind, string subjectId, string? subjectVersion = null);

    /// <summary>Proposals, newest first, optionally only those in one status.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ProposalInfo>> ListProposalsAsync(ProposalStatus? status);

    /// <summary>Sets a framework's review cadence (null stops its reviews). Called by the framework.</summary>
    Task ScheduleReviewAsync(string frameworkId, string frameworkName, int? cadenceDays, DateOnly lastReviewedOn, string actor);

    /// <summary>A committee member records that the framework was reviewed; the next review is due a cadence later.</summary>
    Task<ReviewSchedule> CompleteReviewAsync(string frameworkId, string reviewerPerson, string summary, string actor);

    /// <summary>The daily check the reminder runs: raises notices for reviews due and terms ending or ended. Idempotent per notice.</summary>
    Task<IReadOnlyList<GovernanceNotice>> RunScheduledChecksAsync();

    /// <summary>Notices raised for the committee, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<GovernanceNotice>> GetNoticesAsync();
}
