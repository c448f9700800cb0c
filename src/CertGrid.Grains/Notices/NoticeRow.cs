using System.Globalization;
using CertGrid.Domain.Notices;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices;

/// <summary>
/// A notice as its holder reads it, in the community's notices table under
/// <c>l|{learnerId}|{inverted ticks}|{noticeId}</c> (newest first). Inserting it is what makes publishing
/// idempotent: the same notice published again collides with this row.
/// </summary>
public sealed class NoticeRow : ReadModelRow
{
    public string NoticeId { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string LearnerId { get; set; } = string.Empty;
    public string CredentialId { get; set; } = string.Empty;
    public string DefinitionId { get; set; } = string.Empty;
    public string AchievementName { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public string Message { get; set; } = string.Empty;
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RenewBy { get; set; }
    public string? RenewedByCredentialId { get; set; }

    public static string LearnerPrefix(string learnerId) => $"l|{learnerId}|";

    public static NoticeRow From(string community, Notice notice) => new()
    {
        PartitionKey = community,
        RowKey = LearnerPrefix(notice.LearnerId) + (DateTimeOffset.MaxValue.UtcTicks - notice.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + notice.Id,
        NoticeId = notice.Id,
        Kind = notice.Kind.ToString(),
        LearnerId = notice.LearnerId,
        CredentialId = notice.CredentialId,
        DefinitionId = notice.DefinitionId,
        AchievementName = notice.AchievementName,
        At = notice.At,
        Message = notice.Message,
        ExpiresAt = notice.ExpiresAt,
        RenewBy = notice.RenewBy,
        RenewedByCredentialId = notice.RenewedByCredentialId,
    };

    public Notice ToNotice() => new(NoticeId, Enum.Parse<NoticeKind>(Kind), LearnerId, CredentialId, DefinitionId, AchievementName, At, Message,
        ExpiresAt, RenewBy, RenewedByCredentialId);
}
