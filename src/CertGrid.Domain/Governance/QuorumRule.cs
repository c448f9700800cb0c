using CertGrid.Domain.Errors;
namespace CertGrid.Domain.Governance;

/// <summary>
/// When a proposal is decided: approved once <c>quorum</c> eligible members approve; rejected as soon as so many
/// eligible members rejected that the quorum can no longer be reached; open otherwise. The electorate is fixed
/// when the proposal opens (members in office then, never the proposer), so appointing members later cannot
/// swing a proposal already on the table.
/// </summary>
public static class QuorumRule
{
    public static ProposalStatus Tally(int electorate, int quorum, IReadOnlyCollection<Vote> votes)
    {
        var approvals = votes.Count(v => v.Approve);
        var rejections = votes.Count - approvals;
        if (approvals >= quorum)
        {
            return ProposalStatus.Approved;
        }

        return electorate - rejections < quorum ? ProposalStatus.Rejected : ProposalStatus.Open;
    }

    /// <summary>The quorum must be reachable by the committee without the proposer.</summary>
    public static void RequireReachable(int electorate, int quorum)
    {
        if (electorate < quorum)
        {
            throw CertGridException.Policy(
                $"The steering committee has {electorate} member(s) in office who could vote on this proposal, fewer than the quorum of {quorum}. Appoint more members first.");
        }
    }
}
