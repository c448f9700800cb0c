using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Scheduling;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// Keeps the community's deadline bucket holding exactly what an attempt waits for: each open review's deadline, and
/// while a seat is empty (nobody independent was free), a retry to fill it. Scheduled when needed, cancelled once
/// reviewed, filled, vacated or decided. The attempt records what it scheduled, so the sync is idempotent and resumes
/// after a restart; the bucket (one reminder per community) does the waiting.
/// </summary>
internal static class ReviewDeadlines
{
    /// <summary>The token of the empty-seat retry in the attempt's record of scheduled deadlines.</summary>
    public const string EmptySeatToken = "empty-seat";

    /// <summary>How soon an attempt with an empty seat tries again (then every redispatch interval of the bucket).</summary>
    public static readonly TimeSpan EmptySeatRetry = TimeSpan.FromMinutes(15);

    /// <summary>Brings the bucket in line with the attempt's open seats; true when the attempt's record of it changed.</summary>
    public static async Task<bool> SyncAsync(IDeadlineBucketGrain bucket, string attemptKey, AttemptState state, DateTimeOffset now)
    {
        var open = state.Status == AttemptStatus.UnderReview && !state.InDiscussion
            ? state.Panel.Where(s => s.DueAt is not null && state.Reviews.All(r => r.EvaluatorId != s.EvaluatorId))
                .Select(s => new ScheduledDeadline(DeadlineKind.ReviewDue, attemptKey, s.EvaluatorId, s.DueAt!.Value))
                .ToDictionary(d => d.Token)
            : [];
        if (state.Status == AttemptStatus.UnderReview && !state.InDiscussion && state.Panel.Count < state.PanelSize)
        {
            open[EmptySeatToken] = new ScheduledDeadline(DeadlineKind.EmptySeat, attemptKey, EmptySeatToken, now + EmptySeatRetry);
        }

        var changed = false;
        foreach (var deadline in open.Values.Where(d => !state.ScheduledDeadlines.Contains(d.Token)))
        {
            await bucket.ScheduleAsync(deadline);
            state.ScheduledDeadlines.Add(deadline.Token);
            changed = true;
        }

        foreach (var token in state.ScheduledDeadlines.Where(t => !open.ContainsKey(t)).ToList())
        {
            await bucket.CancelAsync(token == EmptySeatToken ? DeadlineKind.EmptySeat : DeadlineKind.ReviewDue, attemptKey, token);
            state.ScheduledDeadlines.Remove(token);
            changed = true;
        }

        return changed;
    }

    public static DateTimeOffset? DueAt(int? deadlineDays, DateTimeOffset assignedAt) =>
        deadlineDays is { } days ? assignedAt.AddDays(days) : null;
}
