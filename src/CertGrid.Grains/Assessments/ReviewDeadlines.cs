using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Assessments;
using CertGrid.Grains.Scheduling;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// What a panel under review (an attempt's or an appeal's) waits for: each open review's deadline and, until its evaluator
/// was reminded (<see cref="Reminded"/>, seat keys of <see cref="ReviewDeadlines.SeatKey"/>), the reminder before it; while a
/// seat is empty, a retry to fill it. <see cref="Open"/> is false once the panel no longer reviews (decided, or in discussion).
/// </summary>
internal sealed record PanelDeadlines(
    string Target,
    bool Open,
    IReadOnlyList<PanelSeat> Panel,
    IReadOnlyCollection<string> Reviewed,
    IReadOnlyCollection<string> Reminded,
    int PanelSize,
    DeadlineKind ReviewKind,
    DeadlineKind ReminderKind,
    DeadlineKind EmptySeatKind);

/// <summary>
/// Keeps the community's deadline bucket holding exactly what a panel waits for: each open review's deadline, the reminder
/// a while before it (<see cref="ReviewReminders"/>, once per seat), and while a seat is empty (nobody independent was free),
/// a retry to fill it. Scheduled when needed, cancelled once reviewed, reminded, filled, vacated or decided. The attempt or
/// appeal records what it scheduled and stores the change to the bucket with it as an effect; the bucket (one reminder per
/// community) does the waiting.
/// </summary>
internal static class ReviewDeadlines
{
    /// <summary>The token of the empty-seat retry in the panel's record of scheduled deadlines.</summary>
    public const string EmptySeatToken = "empty-seat";

    /// <summary>What starts the token of an evaluator's reminder (then their id); a review deadline's token is the evaluator id alone.</summary>
    public const string ReminderPrefix = "remind:";

    /// <summary>How soon a panel with an empty seat tries again (then every redispatch interval of the bucket).</summary>
    public static readonly TimeSpan EmptySeatRetry = TimeSpan.FromMinutes(15);

    public static PanelDeadlines ForAttempt(string attemptKey, AttemptState state) => new(
        attemptKey, state.Status == AttemptStatus.UnderReview && !state.InDiscussion, state.Panel, state.Reviews.Select(r => r.EvaluatorId).ToList(),
        state.RemindedSeats, state.PanelSize, DeadlineKind.ReviewDue, DeadlineKind.ReviewReminder, DeadlineKind.EmptySeat);

    /// <summary>
    /// What brings the bucket in line with the panel's open seats, recorded in <paramref name="scheduled"/> at once (the
    /// effect is stored with it); null when the bucket already holds exactly that.
    /// </summary>
    public static SyncDeadlines? Sync(PanelDeadlines panel, List<string> scheduled, DateTimeOffset now)
    {
        var seats = panel.Open ? panel.Panel.Where(s => s.DueAt is not null && !panel.Reviewed.Contains(s.EvaluatorId)).ToList() : [];
        var open = seats.Select(s => new ScheduledDeadline(panel.ReviewKind, panel.Target, s.EvaluatorId, s.DueAt!.Value))
            .Concat(seats.Where(s => !panel.Reminded.Contains(SeatKey(s)))
                .Select(s => new ScheduledDeadline(panel.ReminderKind, panel.Target, ReminderPrefix + s.EvaluatorId, ReviewReminders.RemindAt(s.AssignedAt, s.DueAt!.Value))))
            .ToDictionary(d => d.Token);
        if (panel.Open && panel.Panel.Count < panel.PanelSize)
        {
            open[EmptySeatToken] = new ScheduledDeadline(panel.EmptySeatKind, panel.Target, EmptySeatToken, now + EmptySeatRetry);
        }

        var schedule = open.Values.Where(d => !scheduled.Contains(d.Token)).ToList();
        var cancel = scheduled.Where(t => !open.ContainsKey(t)).Select(t => new CancelledDeadline(KindOf(panel, t), panel.Target, t)).ToList();
        if (schedule.Count == 0 && cancel.Count == 0)
        {
            return null;
        }

        scheduled.AddRange(schedule.Select(d => d.Token));
        scheduled.RemoveAll(t => cancel.Any(c => c.Token == t));
        return new SyncDeadlines(schedule, cancel);
    }

    public static DateTimeOffset? DueAt(int? deadlineDays, DateTimeOffset assignedAt) =>
        deadlineDays is { } days ? assignedAt.AddDays(days) : null;

    /// <summary>One seat as the record of reminders knows it: the evaluator and when they took it (a later seat is reminded again).</summary>
    public static string SeatKey(PanelSeat seat) =>
        $"{seat.EvaluatorId}@{seat.AssignedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The evaluator a reminder's token names.</summary>
    public static string EvaluatorOf(string reminderToken) =>
        reminderToken.StartsWith(ReminderPrefix, StringComparison.Ordinal) ? reminderToken[ReminderPrefix.Length..] : reminderToken;

    /// <summary>
    /// A reminder of <paramref name="evaluatorId"/>'s deadline fell due: their open, unreviewed seat not reminded yet is
    /// recorded in <paramref name="remindedSeats"/> at once (never reminded twice) and returned when the reminder should be
    /// sent; null when it is no longer wanted (reviewed, vacated, decided, sent already) or comes after the deadline (the
    /// overdue email follows instead).
    /// </summary>
    public static PanelSeat? TakeReminder(PanelDeadlines panel, string evaluatorId, List<string> remindedSeats, DateTimeOffset now)
    {
        if (!panel.Open || panel.Reviewed.Contains(evaluatorId)
            || panel.Panel.FirstOrDefault(s => s.EvaluatorId == evaluatorId) is not { DueAt: { } due } seat || panel.Reminded.Contains(SeatKey(seat)))
        {
            return null;
        }

        remindedSeats.Add(SeatKey(seat));
        return now < due ? seat : null;
    }

    private static DeadlineKind KindOf(PanelDeadlines panel, string token) =>
        token == EmptySeatToken ? panel.EmptySeatKind : token.StartsWith(ReminderPrefix, StringComparison.Ordinal) ? panel.ReminderKind : panel.ReviewKind;
}
