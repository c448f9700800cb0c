using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// A credential in the community's credentials read model, stored twice in the same partition: under
/// <c>c|{credentialId}</c> (all credentials) and under <c>l|{learnerId}|{credentialId}</c> (one learner's).
/// </summary>
public sealed class CredentialRow : ReadModelRow
{
    public const string AllPrefix = "c|";

    public string CredentialId { get; set; } = string.Empty;
    public string LearnerId { get; set; } = string.Empty;
    public string HolderName { get; set; } = string.Empty;
    public string DefinitionId { get; set; } = string.Empty;
    public string AchievementName { get; set; } = string.Empty;
    public string Tier { get; set; } = string.Empty;
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }
    public string Status { get; set; } = string.Empty;
    public string SigningKeyId { get; set; } = string.Empty;

    public static string LearnerPrefix(string learnerId) => $"l|{learnerId}|";

    public static IEnumerable<CredentialRow> From(string community, CredentialSummary summary) =>
    [
        Create(community, AllPrefix + summary.Id, summary),
        Create(community, LearnerPrefix(summary.LearnerId) + summary.Id, summary),
    ];

    public CredentialSummary ToSummary() => new(
        CredentialId, LearnerId, HolderName, DefinitionId, AchievementName, Enum.Parse<CredentialTier>(Tier), ValidFrom, ValidUntil,
        Enum.Parse<CredentialStatus>(Status), SigningKeyId);

    private static CredentialRow Create(string community, string rowKey, CredentialSummary s) => new()
    {
        PartitionKey = community,
        RowKey = rowKey,
        CredentialId = s.Id,
        LearnerId = s.LearnerId,
        HolderName = s.HolderName,
        DefinitionId = s.DefinitionId,
        AchievementName = s.AchievementName,
        Tier = s.Tier.ToString(),
        ValidFrom = s.ValidFrom,
        ValidUntil = s.ValidUntil,
        Status = s.Status.ToString(),
        SigningKeyId = s.SigningKeyId,
    };
}
