using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Scheduling;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// Keeps the community's deadline bucket holding exactly the deadlines of an attempt's open reviews: scheduled when a
/// seat is assigned, cancelled once reviewed, vacated or decided. The attempt records what it scheduled, so the sync is
/// idempotent and resumes after a restart; the bucket (one reminder per community) does the waiting.
/// </summary>
internal static class ReviewDeadlines
{
    /// <summary>Brings the bucket in line with the attempt's open seats; true when the attempt's record of it changed.</summary>
    public static async Task<bool> SyncAsync(IDeadlineBucketGrain bucket, string attemptKey, AttemptState state)
    {
        var open = state.Status == AttemptStatus.UnderReview && !state.InDiscussion
            ? state.Panel.Where(s => s.DueAt is not null && state.Reviews.All(r => r.EvaluatorId != s.EvaluatorId)).ToDictionary(s => s.EvaluatorId, s => s.DueAt!.Value)
            : [];
        var changed = false;
        foreach (var (evaluatorId, dueAt) in open.Where(o => !state.ScheduledDeadlines.Contains(o.Key)))
        {
            await bucket.ScheduleAsync(new ScheduledDeadline(DeadlineKind.ReviewDue, attemptKey, evaluatorId, dueAt));
            state.ScheduledDeadlines.Add(evaluatorId);
            changed = true;
        }

        foreach (var evaluatorId in state.ScheduledDeadlines.Where(id => !open.ContainsKey(id)).ToList())
        {
            await bucket.CancelAsync(DeadlineKind.ReviewDue, attemptKey, evaluatorId);
            state.ScheduledDeadlines.Remove(evaluatorId);
            changed = true;
        }

        return changed;
    }

    public static DateTimeOffset? DueAt(int? deadlineDays, DateTimeOffset assignedAt) =>
        deadlineDays is { } days ? assignedAt.AddDays(days) : null;
}
