using CertGrid.Abstractions.Governance;
using CertGrid.Domain.Governance;

namespace CertGrid.Grains.Governance;

/// <summary>
/// The check a governed change makes before it takes effect: with a steering committee, the newest proposal for
/// exactly this content must have been approved by its quorum. Without one, admins decide alone.
/// </summary>
internal static class GovernanceGate
{
    /// <summary>The approving proposal, or null when the community has no governance. POLICY_VIOLATION otherwise.</summary>
    public static async Task<ProposalInfo?> RequireApprovedAsync(IGovernanceGrain governance, ProposalKind kind, string subjectId, string subjectVersion, string what)
    {
        if (!(await governance.GetAsync()).Enabled)
        {
            return null;
        }

        var proposal = await governance.FindLatestAsync(kind, subjectId, subjectVersion);
        return proposal?.Status switch
        {
            ProposalStatus.Approved => proposal,
            ProposalStatus.Open => throw CertGridException.Policy($"{what} waits for the steering committee: a quorum of {proposal.Quorum} must approve it first."),
            ProposalStatus.Rejected => throw CertGridException.Policy($"The steering committee rejected {what} as it stands; change it and propose it again."),
            _ => throw CertGridException.Policy($"This community has a steering committee: propose {what} and publish it once a quorum approved it (changes after approval need a new approval)."),
        };
    }
}
