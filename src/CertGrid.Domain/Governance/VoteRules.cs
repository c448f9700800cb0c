using CertGrid.Domain.Errors;
namespace CertGrid.Domain.Governance;

/// <summary>
/// Who may vote on a proposal: someone holding a seat in office today, who was in the electorate when the
/// proposal opened, who is not the proposer (under any of their identities), and who has not voted on it yet.
/// </summary>
public static class VoteRules
{
    /// <summary>The seat the voter votes with, or the reason they cannot.</summary>
    /// <param name="voterIdentities">Every person reference of the voter (an evaluator and their linked learner record are one person).</param>
    /// <param name="proposerIdentities">Every person reference of the proposer (empty for an admin key).</param>
    public static CommitteeSeat RequireEligible(
        IReadOnlySet<string> voterIdentities, IReadOnlySet<string> proposerIdentities, IReadOnlyCollection<string> electorate,
        IReadOnlyCollection<CommitteeSeat> seats, IReadOnlyCollection<Vote> votes, ProposalStatus status, DateOnly today)
    {
        if (status != ProposalStatus.Open)
        {
            throw CertGridException.Conflict($"This proposal is already {status.ToString().ToLowerInvariant()}; votes are closed.");
        }

        if (voterIdentities.Overlaps(proposerIdentities))
        {
            throw CertGridException.Forbidden("You proposed this change, so you cannot vote on it: approval must come from other committee members.");
        }

        var seat = seats.Where(s => voterIdentities.Contains(s.Person) && s.IsActiveOn(today)).OrderBy(s => s.StartsOn).FirstOrDefault();
        if (seat is null)
        {
            throw CertGridException.Forbidden(seats.Any(s => voterIdentities.Contains(s.Person))
                ? "Your term on the steering committee is not in office today, so you cannot vote."
                : "Only members of the steering committee can vote on proposals.");
        }

        if (!electorate.Contains(seat.Person))
        {
            throw CertGridException.Forbidden("You joined the steering committee after this proposal was opened, so you cannot vote on it.");
        }

        if (votes.Any(v => voterIdentities.Contains(v.Person)))
        {
            throw CertGridException.Conflict("You have already voted on this proposal; each member's vote counts once.");
        }

        return seat;
    }
}
