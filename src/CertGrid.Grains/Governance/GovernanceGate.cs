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

        return Decided(await governance.FindLatestAsync(kind, subjectId, subjectVersion), what,
            $"This community has a steering committee: propose {what} and publish it once a quorum approved it (changes after approval need a new approval).");
    }

    /// <summary>
    /// For a policy, which can change again and again: the newest proposal about the subject's policy of this kind
    /// must be this exact change, approved. So an older approval cannot bring back a policy the committee has since
    /// replaced. The approving proposal, or null when the community has no governance; POLICY_VIOLATION otherwise.
    /// </summary>
    public static async Task<ProposalInfo?> RequireNewestApprovedAsync(IGovernanceGrain governance, PolicyChange change, string what)
    {
        if (!(await governance.GetAsync()).Enabled)
        {
            return null;
        }

        var newest = await governance.FindLatestAsync(change.Kind, change.SubjectId);
        if (newest is not null && newest.SubjectVersion != change.Fingerprint)
        {
            throw CertGridException.Policy($"The steering committee approves {what} exactly as proposed, and its newest proposal about it ({newest.Id}, " +
                $"{newest.Status.ToString().ToLowerInvariant()}) is for a different policy: propose this one and set it once a quorum approved it.");
        }

        return Decided(newest, what, $"This community has a steering committee: propose {what} and set it once a quorum approved it (an approval covers exactly the policy proposed).");
    }

    private static ProposalInfo Decided(ProposalInfo? proposal, string what, string whenNone) => proposal?.Status switch
    {
        ProposalStatus.Approved => proposal,
        ProposalStatus.Open => throw CertGridException.Policy($"{char.ToUpperInvariant(what[0])}{what[1..]} waits for the steering committee: a quorum of {proposal.Quorum} must approve it first."),
        ProposalStatus.Rejected => throw CertGridException.Policy($"The steering committee rejected {what} as it stands; change it and propose it again."),
        _ => throw CertGridException.Policy(whenNone),
    };
}
