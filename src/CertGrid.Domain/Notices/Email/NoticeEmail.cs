using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Domain.Notices.Email;

/// <summary>
/// A notice to be emailed to a learner. <see cref="Id"/> is deterministic (the notice's id, or derived from the booking
/// and the session time it reminds of), so the same notice produced again is the same email: it is sent once and its
/// SMTP <c>Message-ID</c> is the same on every attempt. It carries only what its recipient may see about themselves.
/// </summary>
/// <param name="Subject">The achievement a renewal notice is about; empty for a session reminder.</param>
/// <param name="At">The expiry a renewal notice announces, or the start of the session.</param>
/// <param name="Until">The end of the grace period, or null.</param>
/// <param name="Detail">The renewing credential's id, or the session's length in minutes.</param>
[GenerateSerializer, Immutable, Alias("certgrid.notice-email")]
public sealed record NoticeEmail(
    [property: Id(0)] string Id,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] EmailTemplate Template,
    [property: Id(3)] string Subject,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] DateTimeOffset? Until,
    [property: Id(6)] string? Detail)
{
    public EmailTopic Topic => Template.Topic();

    public static NoticeEmail Of(Notice notice) => new(notice.Id, notice.LearnerId, EmailTemplates.For(notice.Kind), notice.AchievementName,
        notice.ExpiresAt, notice.RenewBy, notice.RenewedByCredentialId);

    /// <summary>The reminder of one booking for one session time (a rescheduled session gets a new reminder).</summary>
    public static NoticeEmail SessionReminder(string community, string bookingId, string learnerId, DateTimeOffset startsAt, int durationMinutes)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{community}|{bookingId}|{startsAt.UtcTicks}"));
        return new NoticeEmail($"ssr_{Convert.ToHexStringLower(hash)[..20]}", learnerId, EmailTemplate.SessionReminder, string.Empty, startsAt, null,
            durationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
