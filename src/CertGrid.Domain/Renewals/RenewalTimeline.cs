namespace CertGrid.Domain.Renewals;

/// <summary>
/// The dates of one credential's lifespan under a policy. Reminder notices 30 and 7 days before expiry exist only
/// when they fall after the window opens; with no policy, the only milestone is expiry.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.renewal-timeline")]
public sealed record RenewalTimeline(
    [property: Id(0)] DateTimeOffset ValidFrom,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] DateTimeOffset? WindowOpensAt,
    [property: Id(3)] DateTimeOffset? GraceEndsAt,
    [property: Id(4)] DateTimeOffset? LapsesAt,
    [property: Id(5)] IReadOnlyList<DatedMilestone> Milestones)
{
    /// <summary>The reminder notices before expiry; each exists only when it falls after the window opens.</summary>
    public static readonly IReadOnlyList<(RenewalMilestone Milestone, int DaysBeforeExpiry)> Reminders =
        [(RenewalMilestone.ThirtyDaysLeft, 30), (RenewalMilestone.SevenDaysLeft, 7)];

    public static RenewalTimeline For(DateTimeOffset validFrom, DateTimeOffset expiresAt, LifespanPolicy? policy)
    {
        if (policy is null)
        {
            return new RenewalTimeline(validFrom, expiresAt, null, null, null, [new(RenewalMilestone.Expired, expiresAt)]);
        }

        var windowOpens = Max(validFrom, expiresAt.AddDays(-policy.RenewalWindowDays));
        var graceEnds = expiresAt.AddDays(policy.GraceDays);
        var lapses = graceEnds.AddDays(policy.LapseAfterDays);
        var milestones = new List<DatedMilestone> { new(RenewalMilestone.WindowOpened, windowOpens) };
        foreach (var (milestone, days) in Reminders)
        {
            var at = expiresAt.AddDays(-days);
            if (at > windowOpens)
            {
                milestones.Add(new(milestone, at));
            }
        }

        milestones.Add(new(RenewalMilestone.Expired, expiresAt));
        if (policy.GraceDays > 0 && policy.LapseAfterDays > 0)
        {
            milestones.Add(new(RenewalMilestone.GraceEnded, graceEnds));
        }

        milestones.Add(new(RenewalMilestone.Lapsed, lapses));
        return new RenewalTimeline(validFrom, expiresAt, windowOpens, graceEnds, lapses, milestones);
    }

    /// <summary>The first milestone not yet reached, or null when every one is.</summary>
    public DatedMilestone? Next(RenewalMilestone reached) => Milestones.FirstOrDefault(m => !reached.HasFlag(m.Milestone));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Why the credential is suspended during its grace period (the status reason that marks that suspension).</summary>
    public string GraceSuspensionReason => $"Expired on {Day(ExpiresAt)}; suspended during the grace period and renewable until {Day(LapsesAt ?? ExpiresAt)}.";

    /// <summary>Why the credential's status changed when it lapsed.</summary>
    public string LapseReason => $"Lapsed on {Day(LapsesAt ?? ExpiresAt)} without renewal; a full re-certification is required.";

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A milestone and when it falls.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.dated-milestone")]
public sealed record DatedMilestone(
    [property: Id(0)] RenewalMilestone Milestone,
    [property: Id(1)] DateTimeOffset At);
