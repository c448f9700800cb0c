using CertGrid.Domain.Errors;
namespace CertGrid.Domain.Governance;

/// <summary>A framework's periodic review: every <see cref="CadenceDays"/> days after the last one.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.review-schedule")]
public sealed record ReviewSchedule(
    [property: Id(0)] string FrameworkId,
    [property: Id(1)] string FrameworkName,
    [property: Id(2)] int CadenceDays,
    [property: Id(3)] DateOnly LastReviewedOn,
    [property: Id(4)] DateOnly? NotifiedForDueOn)
{
    public DateOnly DueOn => LastReviewedOn.AddDays(CadenceDays);

    public bool IsDue(DateOnly today) => DueOn <= today;
}

/// <summary>Something the committee is told: a review is due, a term is ending or has ended.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.governance-notice")]
public sealed record GovernanceNotice(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Message,
    [property: Id(3)] DateOnly DueOn,
    [property: Id(4)] DateTimeOffset RaisedAt);

/// <summary>What the daily governance check raises. Each notice is raised once for its subject and date.</summary>
public static class GovernanceSchedule
{
    public const string ReviewDue = "review-due";
    public const string TermEnding = "term-ending";
    public const string TermEnded = "term-ended";

    /// <summary>Reviews due today or earlier that were not yet notified for their due date.</summary>
    public static IReadOnlyList<ReviewSchedule> DueReviews(IEnumerable<ReviewSchedule> schedules, DateOnly today) =>
        schedules.Where(s => s.IsDue(today) && s.NotifiedForDueOn != s.DueOn).OrderBy(s => s.DueOn).ToList();

    /// <summary>
    /// Terms that end within <paramref name="warningDays"/> days (a "term ending" notice) or have ended (a "term
    /// ended" notice), skipping any already in <paramref name="raised"/> (kind, seat, date).
    /// </summary>
    public static IReadOnlyList<GovernanceNotice> TermNotices(
        IEnumerable<CommitteeSeat> seats, DateOnly today, int warningDays, IReadOnlySet<(string Kind, string Subject, DateOnly DueOn)> raised, DateTimeOffset now)
    {
        var notices = new List<GovernanceNotice>();
        foreach (var seat in seats.Where(s => s.StartsOn <= today))
        {
            var last = seat.LastDay;
            if (last < today)
            {
                Add(TermEnded, seat, last, $"{seat.Name}'s term on the steering committee ended on {last:yyyy-MM-dd}.");
            }
            else if (last <= today.AddDays(warningDays))
            {
                Add(TermEnding, seat, last, $"{seat.Name}'s term on the steering committee ends on {last:yyyy-MM-dd}; appoint a successor.");
            }
        }

        return notices;

        void Add(string kind, CommitteeSeat seat, DateOnly due, string message)
        {
            if (!raised.Contains((kind, seat.Id, due)))
            {
                notices.Add(new GovernanceNotice(kind, seat.Id, message, due, now));
            }
        }
    }
}
