namespace CertGrid.Domain.Assessments;

/// <summary>
/// When an evaluator whose review is still open is reminded of its deadline: a day before it, or halfway through the
/// review window when the window is shorter than two days (so a reminder never arrives before half the time is used).
/// </summary>
public static class ReviewReminders
{
    /// <summary>How long before the deadline the reminder is sent when the window allows it.</summary>
    public static readonly TimeSpan Before = TimeSpan.FromHours(24);

    /// <summary>The moment the evaluator assigned at <paramref name="assignedAt"/> is reminded of <paramref name="dueAt"/>.</summary>
    public static DateTimeOffset RemindAt(DateTimeOffset assignedAt, DateTimeOffset dueAt)
    {
        var window = dueAt - assignedAt;
        if (window <= TimeSpan.Zero)
        {
            return dueAt;
        }

        return window < 2 * Before ? assignedAt + window / 2 : dueAt - Before;
    }
}
