using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Cohorts;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Progress;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Progress;

/// <summary>
/// Writes a learner's rows in the cohort progress read model from their record and their achievement rows. It
/// reads only tables, never other grains, so any grain may trigger it without a call cycle.
/// </summary>
internal sealed class CohortProgressProjection(StorageClients storage)
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.ProgressTable);

    public async Task ProjectAsync(string community, string learnerId, string name, IReadOnlyList<LearnerAttempt> attempts, IReadOnlyDictionary<string, DateTimeOffset> cohorts)
    {
        if (cohorts.Count == 0)
        {
            return;
        }

        var achievements = new List<AchievementRow>();
        await foreach (var row in _table.ScanAsync<AchievementRow>(community, AchievementRow.LearnerPrefix(learnerId)))
        {
            achievements.Add(row);
        }

        var active = achievements.Where(a => a.Status == nameof(CredentialStatus.Active)).ToList();
        var definitions = attempts.Select(a => a.DefinitionId).Concat(achievements.Select(a => a.DefinitionId)).Distinct(StringComparer.Ordinal);
        var credentials = definitions.Select(id => new MemberCredential(id, attempts.Count(a => a.DefinitionId == id),
            active.Where(a => a.DefinitionId == id).Select(a => (DateTimeOffset?)a.ValidFrom).Min())).ToList();
        var competencies = CompetencyEvidence.Best(active.SelectMany(a => a.Competencies()));
        foreach (var (cohortId, joinedAt) in cohorts)
        {
            await _table.UpsertAsync(CohortMemberRow.From(community, cohortId, new CohortMemberProgress(learnerId, name, joinedAt, credentials, competencies)));
        }
    }
}
