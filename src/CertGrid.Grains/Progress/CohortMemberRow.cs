using System.Text.Json;
using CertGrid.Abstractions.Cohorts;
using CertGrid.Domain.Cohorts;
using CertGrid.Domain.Progress;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Progress;

/// <summary>
/// A cohort member's progress in the progress read model under <c>m|{cohortId}|{learnerId}</c>: their attempts and
/// earned credentials (all of them; the cohort picks its own) and their best level per competency. Written by the
/// learner's grain whenever their record or one of their credentials changes.
/// </summary>
public sealed class CohortMemberRow : ReadModelRow
{
    public const string Prefix = "m|";

    public string LearnerId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public DateTimeOffset JoinedAt { get; set; }
    public string CredentialsJson { get; set; } = "[]";
    public string CompetenciesJson { get; set; } = "[]";

    public static string CohortPrefix(string cohortId) => $"{Prefix}{cohortId}|";

    public static CohortMemberRow From(string community, string cohortId, CohortMemberProgress progress) => new()
    {
        PartitionKey = community,
        RowKey = CohortPrefix(cohortId) + progress.LearnerId,
        LearnerId = progress.LearnerId,
        Name = progress.Name,
        JoinedAt = progress.JoinedAt,
        CredentialsJson = JsonSerializer.Serialize(progress.Credentials),
        CompetenciesJson = JsonSerializer.Serialize(progress.Competencies),
    };

    /// <summary>The member's progress on the given credentials (the cohort's).</summary>
    public CohortMemberProgress ToProgress(IReadOnlyCollection<string> definitionIds)
    {
        var credentials = JsonSerializer.Deserialize<List<MemberCredential>>(CredentialsJson) ?? [];
        return new CohortMemberProgress(LearnerId, Name, JoinedAt,
            definitionIds.Select(id => credentials.FirstOrDefault(c => c.DefinitionId == id) ?? new MemberCredential(id, 0, null)).ToList(),
            JsonSerializer.Deserialize<List<DemonstratedCompetency>>(CompetenciesJson) ?? []);
    }
}
