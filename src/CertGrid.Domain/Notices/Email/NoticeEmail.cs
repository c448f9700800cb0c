using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Domain.Notices.Email;

/// <summary>
/// A notice to be emailed to a learner or an evaluator. <see cref="Id"/> is deterministic (the notice's id, or derived from
/// what the email announces), so the same notice produced again is the same email: it is sent once and its SMTP
/// <c>Message-ID</c> is the same on every attempt. It carries only what its recipient may see.
/// </summary>
/// <param name="RecipientId">The learner (<c>lrn_…</c>) or evaluator (<c>evl_…</c>) it is written to.</param>
/// <param name="Subject">The achievement the email is about; empty for a session reminder.</param>
/// <param name="At">The day the email announces: an expiry, a session's start, an issue, a decision, a filing or a deadline.</param>
/// <param name="Until">The end of the grace period, or a review's deadline; null if none.</param>
/// <param name="Detail">The renewing credential's id, the session's length in minutes, a credential's public page, or the reviewed attempt or appeal.</param>
[GenerateSerializer, Immutable, Alias("certgrid.notice-email")]
public sealed record NoticeEmail(
    [property: Id(0)] string Id,
    [property: Id(1)] string RecipientId,
    [property: Id(2)] EmailTemplate Template,
    [property: Id(3)] string Subject,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] DateTimeOffset? Until,
    [property: Id(6)] string? Detail)
{
    public EmailTopic Topic => Template.Topic();

    public EmailAudience Audience => EmailAudiences.Of(RecipientId);

    public static NoticeEmail Of(Notice notice) => new(notice.Id, notice.LearnerId, EmailTemplates.For(notice.Kind), notice.AchievementName,
        notice.ExpiresAt, notice.RenewBy, notice.RenewedByCredentialId);

    /// <summary>The reminder of one booking for one session time (a rescheduled session gets a new reminder).</summary>
    public static NoticeEmail SessionReminder(string community, string bookingId, string learnerId, DateTimeOffset startsAt, int durationMinutes) =>
        new(DerivedId("ssr", community, bookingId, startsAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)), learnerId,
            EmailTemplate.SessionReminder, string.Empty, startsAt, null, durationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary><paramref name="prefix"/>_ and 20 hex characters of SHA-256 over the parts: the same parts, the same id.</summary>
    public static string DerivedId(string prefix, params IEnumerable<string> parts) =>
        $"{prefix}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))))[..20]}";
}
