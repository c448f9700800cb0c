using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Analytics;

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
        State.Evidence = State.Evidence.Select(e => e with { Title = string.Empty, Version = e.Version with { FileName = string.Empty } }).ToList();
        State.Reviews = State.Reviews
            .Select(r => r with { OverallNote = null, Scores = r.Scores.Select(s => s with { Note = null }).ToList() })
            .ToList();
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
