using CertGrid.Domain.Audit;
using CertGrid.Grains.Privacy;

namespace CertGrid.Grains.Appeals;

/// <summary>The appellant's erasure reaching their appeal.</summary>
public sealed partial class AppealGrain
{
    public async Task EraseLearnerDataAsync()
    {
        if (!RecordExists || State.LearnerDataErasedAt is not null)
        {
            return;
        }

        State.LearnerDataErasedAt = Now;
        State.Justification = string.Empty;
        State.Learner = State.Learner is { } party ? party with { Email = string.Empty, Organisation = null } : null;
        State.Evidence = ErasureRedaction.Evidence(State.Evidence);
        State.OriginalEvidence = ErasureRedaction.Evidence(State.OriginalEvidence);
        State.Reviews = ErasureRedaction.Reviews(State.Reviews);

        // The appeal panel's anonymous copies of the evidence, then the details of the appeal's audit entries (the grounds).
        Cause(new DeleteBlobs(State.LearnerId, $"{Community}/blind/{Key.Id}/"));
        Cause(new EraseAuditDetails(State.LearnerId, [Key.Id]));
        await CommitAsync(AuditEvent(Actors.System, "appeal.learner-data-erased", Key.Id, new { reviews = State.Reviews.Count }));
    }
}
