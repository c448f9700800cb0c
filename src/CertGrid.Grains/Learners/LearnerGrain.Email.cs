using CertGrid.Abstractions.Learners;

namespace CertGrid.Grains.Learners;

/// <summary>One email, one learner per community: the learner claims their email in <see cref="LearnerEmailIndex"/> before storing it.</summary>
public sealed partial class LearnerGrain
{
    private const int ClaimAttempts = 3;

    private LearnerEmailIndex EmailIndex => new(storage);

    /// <summary>Claims the email for this learner; CONFLICT when another learner of the community has it.</summary>
    private async Task ClaimEmailAsync(string email)
    {
        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            var claim = await EmailIndex.ClaimAsync(Community, email, Key.Id);
            if (claim.LearnerId == Key.Id)
            {
                return;
            }

            // The claim holds only while its learner has the email: an enrolment that never completed, a changed email or
            // an erasure leaves a stale claim, which this learner takes over (unless someone else did first).
            var holder = await GrainFactory.Learner(Community, claim.LearnerId).FindAsync();
            if (holder is not null && holder.Email == email)
            {
                throw CertGridException.Conflict($"A learner with email {email} is already enrolled in this community ({holder.Id}).");
            }

            if (await EmailIndex.TakeOverAsync(Community, email, Key.Id, claim.Version))
            {
                return;
            }
        }

        throw CertGridException.Conflict($"Email {email} is being claimed by another enrolment at this moment; try again.");
    }
}
