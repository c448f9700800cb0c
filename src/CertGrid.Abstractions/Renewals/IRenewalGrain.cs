using CertGrid.Domain.Renewals;

namespace CertGrid.Abstractions.Renewals;

/// <summary>
/// The lifespan of one issued credential that expires: its timeline under the definition's lifespan policy, the
/// milestones reached, the notices sent, renewal evidence and the renewal itself. It registers its next deadline
/// in the community's day bucket and moves it when the timeline changes. Key: <c>{community}/{credentialId}</c>.
/// </summary>
public interface IRenewalGrain : IGrainWithStringKey
{
    /// <summary>Starts tracking a newly issued credential (nothing happens for one that never expires). Idempotent.</summary>
    Task<RenewalView?> TrackAsync(TrackCredential command);

    /// <summary>Applies every milestone that is due (notices, suspension, lapse) and registers the next deadline. Idempotent.</summary>
    Task AdvanceAsync();

    /// <summary>Re-reads the lifespan policy and moves the deadline (after a policy change); tracks the credential if it was not. Idempotent.</summary>
    Task<RenewalView?> RescheduleAsync();

    /// <summary>The credential's lifespan, or NOT_FOUND when it is not tracked.</summary>
    [ReadOnly]
    Task<RenewalView> GetAsync();

    /// <summary>Whether it can be renewed now and exactly what is missing.</summary>
    [ReadOnly]
    Task<RenewalReadiness> CheckAsync();

    /// <summary>The holder offers renewal evidence: a portfolio artifact (for review) or a passed reassessment attempt.</summary>
    Task<RenewalView> SubmitEvidenceAsync(SubmitRenewalEvidence command, string actor);

    /// <summary>An admin accepts or rejects portfolio evidence (a reason is required to reject).</summary>
    Task<RenewalView> ReviewEvidenceAsync(bool accept, string? reason, string actor);

    /// <summary>
    /// Renews: POLICY_VIOLATION with what is missing unless the window is open (or in grace) and every requirement
    /// is met. Issues the new credential (linked both ways) and tracks it. Idempotent once renewed.
    /// </summary>
    Task<RenewalView> RenewAsync(string actor);

    /// <summary>
    /// The holder was erased: the renewal closes (no more milestones, notices or deadlines), its evidence and the reviewer's
    /// reason are removed and its deadline leaves the day bucket; idempotent.
    /// </summary>
    Task EraseHolderAsync();
}
