using System.Text.Json.Nodes;
using CertGrid.Domain.Notices;

namespace CertGrid.Grains.Notices;

/// <summary>The JSON body a webhook receives for a notice (the same bytes are signed).</summary>
public static class NoticePayload
{
    public static string Serialize(string community, Notice notice) => new JsonObject
    {
        ["id"] = notice.Id,
        ["type"] = notice.Kind.EventType(),
        ["community"] = community,
        ["occurredAt"] = notice.At.UtcDateTime.ToString("O"),
        ["learnerId"] = notice.LearnerId,
        ["credentialId"] = notice.CredentialId,
        ["credentialDefinitionId"] = notice.DefinitionId,
        ["achievementName"] = notice.AchievementName,
        ["expiresAt"] = notice.ExpiresAt.UtcDateTime.ToString("O"),
        ["renewBy"] = notice.RenewBy?.UtcDateTime.ToString("O"),
        ["renewedByCredentialId"] = notice.RenewedByCredentialId,
        ["message"] = notice.Message,
    }.ToJsonString();
}
