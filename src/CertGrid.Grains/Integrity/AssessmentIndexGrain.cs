using CertGrid.Abstractions.Hosting;
using System.Security.Cryptography;
using System.Text;
using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Audit;
using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Practice;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Appeals;
using CertGrid.Grains.Audit;
using CertGrid.Grains.Hosting;
using CertGrid.Grains.Practice;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Integrity;

/// <summary>
/// Reads and writes the community's assessments read model on any silo. Indexing evidence writes the submission row
/// first and then reads every row of the hash, so of two learners submitting the same bytes at once at least one sees
/// the other and flags it; the flag is an upsert and its audit event has a deterministic id, so both landing is harmless.
/// </summary>
[StatelessWorker]
public sealed class AssessmentIndexGrain(StorageClients storage) : Grain, IAssessmentIndexGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.AssessmentsTable);

    private string Community => this.GetPrimaryKeyString();

    private DateTimeOffset Now => ServiceProvider.GetRequiredKeyedService<TimeProvider>(DomainClock.ServiceKey).GetUtcNow();

    public async Task RecordEvidenceAsync(string attemptId, string learnerId, DateTimeOffset submittedAt, IReadOnlyList<EvidenceRef> evidence)
    {
        foreach (var item in evidence.DistinctBy(e => e.Version.Sha256))
        {
            var sha = item.Version.Sha256;
            await _table.UpsertAsync(EvidenceHashRow.Submission(Community, sha, new EvidenceSubmission(learnerId, attemptId, item.ArtifactId, submittedAt)));
            var submissions = new List<EvidenceSubmission>();
            await foreach (var row in _table.ScanAsync<EvidenceHashRow>(Community, EvidenceHashRow.HashPrefix(sha)))
            {
                submissions.Add(row.ToSubmission());
            }

            var learners = submissions.Select(s => s.LearnerId).Distinct().Order(StringComparer.Ordinal).ToList();
            if (learners.Count > 1)
            {
                var existing = await _table.FindAsync<EvidenceHashRow>(Community, EvidenceHashRow.FlagPrefix + sha);
                await _table.UpsertAsync(EvidenceHashRow.Flag(Community, sha, submissions, existing?.FlaggedAt ?? Now));
                var eventId = "dup-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sha}|{string.Join(',', learners)}")))[..32];
                await GrainFactory.GetGrain<IAuditLogGrain>(Community).AppendAsync(
                [
                    new AuditEvent(eventId, Now, Actors.System, "integrity.duplicate-evidence", sha, AuditDetails.Serialize(new
                    {
                        sha256 = sha, learners, submissions = submissions.Select(s => new { s.LearnerId, s.AttemptId, s.ArtifactId }),
                    })),
                ]);
            }
        }
    }

    public Task<Page<DuplicateEvidence>> ListDuplicateEvidenceAsync(PageRequest page) =>
        _table.PageAsync<EvidenceHashRow, DuplicateEvidence>(Community, EvidenceHashRow.FlagPrefix, page, row => row.ToDuplicate());

    public Task<Page<PracticeRequest>> ListPracticeRequestsAsync(string evaluatorId, PageRequest page) =>
        _table.PageAsync<PracticeRequestRow, PracticeRequest>(Community, PracticeRequestRow.Prefix(evaluatorId), page, row => row.ToRequest());

    public Task<Page<AppealView>> ListAppealsAsync(PageRequest page) =>
        _table.PageAsync<AppealRow, AppealView>(Community, AppealRow.Prefix, page, row => row.ToView());
}
