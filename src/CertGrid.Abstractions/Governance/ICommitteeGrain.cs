using CertGrid.Domain.Governance;

namespace CertGrid.Abstractions.Governance;

/// <summary>
/// A community's steering committee: who holds a seat, from when until when. Admins appoint and end terms; the
/// governance grain reads the seats to decide who may vote. Key: the community id.
/// </summary>
public interface ICommitteeGrain : IGrainWithStringKey
{
    /// <summary>Appoints a learner or evaluator for a term. CONFLICT if they (or a linked identity) already hold an overlapping term.</summary>
    Task<CommitteeSeat> AppointAsync(AppointSeat command, string actor);

    /// <summary>Ends a term early (from today). Idempotent.</summary>
    Task<CommitteeSeat> EndTermAsync(string seatId, string reason, string actor);

    [ReadOnly]
    Task<IReadOnlyList<CommitteeSeat>> ListAsync();
}
