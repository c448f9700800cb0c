using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Learners;

namespace CertGrid.Grains.Integrity;

/// <summary>
/// Short-lived read URLs for evidence, for those who may read it: admins, the learner, and the evaluators currently on
/// the attempt's (or appeal's) panel. Under blind review an evaluator gets a URL to an anonymised copy of the file, since
/// portfolio blob names carry the learner's id.
/// </summary>
[StatelessWorker]
public sealed class EvidenceAccessGrain(ArtifactStore artifacts) : Grain, IEvidenceAccessGrain
{
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(10);

    private string Community => this.GetPrimaryKeyString();

    public async Task<EvidenceDownload> CreateDownloadAsync(string subjectId, string artifactId, EvidenceViewerKind viewer, string? viewerId)
    {
        var (learnerId, panel, evidence, blind) = await SubjectAsync(subjectId);
        var allowed = viewer == EvidenceViewerKind.Admin
            || (viewer == EvidenceViewerKind.Learner && viewerId == learnerId)
            || (viewer == EvidenceViewerKind.Evaluator && viewerId is not null && panel.Contains(viewerId));
        if (!allowed)
        {
            throw CertGridException.Forbidden("Only admins, the learner and the evaluators on its panel can read this evidence.");
        }

        var item = evidence.FirstOrDefault(e => e.ArtifactId == artifactId)
            ?? throw CertGridException.NotFound("Evidence", artifactId);
        var anonymise = blind && viewer == EvidenceViewerKind.Evaluator;
        var blobName = anonymise
            ? await artifacts.EnsureAnonymousCopyAsync(item.Version.BlobName, $"{Community}/blind/{subjectId}/{artifactId}-v{item.Version.Version}")
            : item.Version.BlobName;
        var url = await artifacts.CreateReadUrlAsync(blobName, UrlLifetime);
        return new EvidenceDownload(url, DateTimeOffset.UtcNow + UrlLifetime, item.Version.ContentType, item.Version.Sha256, anonymise);
    }

    private async Task<(string LearnerId, IReadOnlyCollection<string> Panel, IReadOnlyList<EvidenceRef> Evidence, bool Blind)> SubjectAsync(string subjectId)
    {
        if (EntityId.IsValid(subjectId, IdPrefixes.Appeal))
        {
            var appeal = await GrainFactory.Appeal(Community, subjectId).GetAsync();
            return (appeal.LearnerId, appeal.Panel.Select(s => s.EvaluatorId).ToList(), [.. appeal.OriginalEvidence, .. appeal.Evidence], appeal.BlindReview);
        }

        var id = EntityId.Require(subjectId, IdPrefixes.Attempt, "subjectId");
        var attempt = await GrainFactory.Attempt(Community, id).GetAsync();
        return (attempt.LearnerId, attempt.Panel.Select(s => s.EvaluatorId).ToList(), attempt.Evidence, attempt.BlindReview);
    }
}
