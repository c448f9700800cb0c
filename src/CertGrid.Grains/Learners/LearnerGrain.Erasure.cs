using CertGrid.Abstractions.Privacy;
using CertGrid.Grains.Privacy;

namespace CertGrid.Grains.Learners;

/// <summary>The right to erasure: the learner's state becomes a tombstone of ids, and the rest is erased by effects.</summary>
public sealed partial class LearnerGrain
{
    public async Task<LearnerErasure> EraseAsync(string actor)
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Learner", Key.Id);
        }

        if (State.ErasedAt is { } erasedAt)
        {
            var erased = new LearnerErasure(Key.Id, erasedAt, State.Attempts.Count, State.CredentialIds.Count, State.Artifacts.Count);
            return await CompleteEarlierErasureAsync(erased, actor);
        }

        // A claim left behind would be stale anyway (taken over by the next learner with the email); releasing it leaves no hash of the email.
        await EmailIndex.ReleaseAsync(Community, State.Email, Key.Id);

        // Planned after the last await: an attempt or credential recorded meanwhile (those calls interleave) is erased too.
        var plan = new ErasurePlan(Key.Id, State.Email, State.Attempts.Select(a => a.AttemptId).ToList(), State.CredentialIds.ToList(), State.Artifacts.Keys.ToList(),
            State.IdentityIds.ToList());
        var receipt = new LearnerErasure(Key.Id, Now, plan.AttemptIds.Count, plan.CredentialIds.Count, plan.ArtifactIds.Count);

        // The tombstone keeps ids only (the cohorts, so the rows about the learner can be found and removed).
        State.ErasedAt = receipt.ErasedAt;
        State.Name = string.Empty;
        State.Email = string.Empty;
        State.Organisation = null;
        State.PublicProfileUrl = null;
        State.Artifacts.Clear();
        State.Attempts.Clear();
        State.CredentialIds.Clear();
        State.CohortJoinedAt.Clear();
        State.Declared.Clear();
        State.ErasurePlanVersion = ErasurePlan.Version;
        ForgetStoredAnswers();
        Cause(plan.Effects(Community));
        // The answer waits for the tombstone and its stored effects, not for the effects themselves (dozens of grains for a long history).
        // The receipt (ids and counts, nothing erased) is stored with the tombstone, so a retry after a lost answer gets it.
        return await SaveAndReplyAnsweringAsync(receipt, AuditEvent(actor, ErasurePlan.ErasedAction, Key.Id, new { receipt.Attempts, receipt.Credentials, receipt.Artifacts }));
    }

    /// <summary>
    /// Erasing again a learner erased under an earlier plan runs the steps plans added since (the tombstone keeps which
    /// plan it ran), so data a later release learned to erase does not outlive the erasure; otherwise nothing changes.
    /// </summary>
    private async Task<LearnerErasure> CompleteEarlierErasureAsync(LearnerErasure erased, string actor)
    {
        var ran = Math.Max(State.ErasurePlanVersion, 1);
        if (ran >= ErasurePlan.Version)
        {
            return erased;
        }

        State.ErasurePlanVersion = ErasurePlan.Version;
        Cause(ErasurePlan.AddedSince(ran, Key.Id));
        await SaveAsync(AuditEvent(actor, ErasurePlan.CompletedAction, Key.Id, new { plan = ran, completedWith = ErasurePlan.Version }));
        return erased;
    }
}
