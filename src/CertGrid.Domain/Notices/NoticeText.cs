using System.Globalization;

namespace CertGrid.Domain.Notices;

/// <summary>The sentence a notice says to its holder.</summary>
public static class NoticeText
{
    public static string For(NoticeKind kind, string achievement, DateTimeOffset expiresAt, DateTimeOffset? renewBy, string? renewedBy) => kind switch
    {
        NoticeKind.RenewalWindowOpened => $"Your '{achievement}' credential can now be renewed; it expires on {Day(expiresAt)}.",
        NoticeKind.ExpiresIn30Days => $"Your '{achievement}' credential expires in 30 days, on {Day(expiresAt)}. Renew it before then.",
        NoticeKind.ExpiresIn7Days => $"Your '{achievement}' credential expires in 7 days, on {Day(expiresAt)}. Renew it before then.",
        NoticeKind.Expired => $"Your '{achievement}' credential expired on {Day(expiresAt)} and is suspended. You can still renew it until {Day(renewBy ?? expiresAt)}.",
        NoticeKind.GraceEnded => $"The grace period of your '{achievement}' credential has ended. It lapses on {Day(renewBy ?? expiresAt)} unless you renew it.",
        NoticeKind.Lapsed => $"Your '{achievement}' credential has lapsed; a full re-certification is required to hold it again.",
        _ => $"Your '{achievement}' credential was renewed; the new credential is {renewedBy}.",
    };

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
