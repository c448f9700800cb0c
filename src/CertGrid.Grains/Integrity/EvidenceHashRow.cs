using System.Text.Json;
using CertGrid.Abstractions.Integrity;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Integrity;

/// <summary>
/// Rows of the assessments read model about evidence: one per submission of an artifact hash
/// (<c>h|{sha256}|{learnerId}|{attemptId}|{artifactId}</c>), and one flag per hash submitted by more than one learner
/// (<c>f|{sha256}</c>) listing every submission.
/// </summary>
public sealed class EvidenceHashRow : ReadModelRow
{
    public const string FlagPrefix = "f|";

    public string Sha256 { get; set; } = string.Empty;
    public string LearnerId { get; set; } = string.Empty;
    public string AttemptId { get; set; } = string.Empty;
    public string ArtifactId { get; set; } = string.Empty;
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset FlaggedAt { get; set; }
    public string SubmissionsJson { get; set; } = "[]";

    public static string HashPrefix(string sha256) => $"h|{sha256}|";

    public static EvidenceHashRow Submission(string community, string sha256, EvidenceSubmission s) => new()
    {
        PartitionKey = community,
        RowKey = $"{HashPrefix(sha256)}{s.LearnerId}|{s.AttemptId}|{s.ArtifactId}",
        Sha256 = sha256,
        LearnerId = s.LearnerId,
        AttemptId = s.AttemptId,
        ArtifactId = s.ArtifactId,
        SubmittedAt = s.SubmittedAt,
    };

    public static EvidenceHashRow Flag(string community, string sha256, IReadOnlyList<EvidenceSubmission> submissions, DateTimeOffset flaggedAt) => new()
    {
        PartitionKey = community,
        RowKey = FlagPrefix + sha256,
        Sha256 = sha256,
        FlaggedAt = flaggedAt,
        SubmissionsJson = JsonSerializer.Serialize(submissions),
    };

    public EvidenceSubmission ToSubmission() => new(LearnerId, AttemptId, ArtifactId, SubmittedAt);

    public DuplicateEvidence ToDuplicate() => new(Sha256, JsonSerializer.Deserialize<List<EvidenceSubmission>>(SubmissionsJson) ?? [], FlaggedAt);
}
