using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Notices;

/// <summary>What a notice tells a holder.</summary>
public enum NoticeKind
{
    /// <summary>The credential can be renewed from now on.</summary>
    RenewalWindowOpened,
    /// <summary>The credential expires in 30 days.</summary>
    ExpiresIn30Days,
    /// <summary>The credential expires in 7 days.</summary>
    ExpiresIn7Days,
    /// <summary>The credential expired; it is suspended during the grace period.</summary>
    Expired,
    /// <summary>The grace period ended without a renewal.</summary>
    GraceEnded,
    /// <summary>The credential lapsed for good.</summary>
    Lapsed,
    /// <summary>The credential was renewed; a new credential replaces it.</summary>
    Renewed,
}

/// <summary>Notice kinds as webhook event types, and the milestone each one announces.</summary>
public static class NoticeKinds
{
    public static string EventType(this NoticeKind kind) => kind switch
    {
        NoticeKind.RenewalWindowOpened => "renewal.window_opened",
        NoticeKind.ExpiresIn30Days => "renewal.expires_in_30_days",
        NoticeKind.ExpiresIn7Days => "renewal.expires_in_7_days",
        NoticeKind.Expired => "renewal.expired",
        NoticeKind.GraceEnded => "renewal.grace_ended",
        NoticeKind.Lapsed => "renewal.lapsed",
        _ => "renewal.renewed",
    };

    public static NoticeKind For(RenewalMilestone milestone) => milestone switch
    {
        RenewalMilestone.WindowOpened => NoticeKind.RenewalWindowOpened,
        RenewalMilestone.ThirtyDaysLeft => NoticeKind.ExpiresIn30Days,
        RenewalMilestone.SevenDaysLeft => NoticeKind.ExpiresIn7Days,
        RenewalMilestone.Expired => NoticeKind.Expired,
        RenewalMilestone.GraceEnded => NoticeKind.GraceEnded,
        RenewalMilestone.Lapsed => NoticeKind.Lapsed,
        _ => throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "Not a single milestone."),
    };
}
