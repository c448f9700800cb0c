using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Analytics;
using CertGrid.Grains.Privacy;

namespace CertGrid.Grains.Assessments;

/// <summary>The learner's erasure and rectification reaching one of their attempts.</summary>
public sealed partial class AttemptGrain
{
    public async Task EraseLearnerDataAsync()
    {
        if (!RecordExists || State.LearnerDataErasedAt is not null)
        {
            return;
        }

        // Before anything changes: the decision leaves the learner's organisation's fairness group (idempotent by event id).
        if (AttemptAnalytics.OrganisationErased(Key, State) is { } erased)
        {
            await GrainFactory.GetGrain<IProgramAnalyticsQueryGrain>(Community).RecordAsync([erased]);
        }

        State.LearnerDataErasedAt = Now;
        State.Learner = State.Learner is { } party ? party with { Email = string.Empty, Organisation = null } : null;
        State.Reflections.Clear();
        State.Evidence = ErasureRedaction.Evidence(State.Evidence);
        State.Reviews = ErasureRedaction.Reviews(State.Reviews);
        if (State.Verdict is { } verdict && verdict.Reason.StartsWith("Decided by ", StringComparison.Ordinal) && verdict.Reason.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0)
        {
            State.Verdict = verdict with { Reason = verdict.Reason[..colon] }; // "Decided by …: <the discussion's rationale>"
        }

        // The appeal of this decision and the panel's consensus discussion hold words about the learner too.
        if (State.AppealId is { } appealId)
        {
            Cause(new EraseAppealLearnerData(State.LearnerId, appealId));
        }

        Cause(new EraseDiscussionNotes(State.LearnerId, Key.Id));
        await SaveAsync(AuditEvent(Actors.System, "attempt.learner-data-erased", Key.Id, new { reviews = State.Reviews.Count }));
    }

    public async Task RectifyLearnerAsync(string email, string? organisation)
    {
        if (!RecordExists || State.LearnerDataErasedAt is not null || State.Learner is not { } party || (party.Email == email && party.Organisation == organisation))
        {
            return;
        }

        State.Learner = party with { Email = email, Organisation = organisation };
        await SaveAsync();
    }
}
