using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Cohorts;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Progress;
using CertGrid.Grains.Progress;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Programs;

/// <summary>
/// What eligibility and progress rules know about a learner: their profile and record, the credentials they hold
/// with the competencies those demonstrate (progress read model), and their cohorts. Bounded by one learner's history.
/// </summary>
internal sealed record LearnerFacts(
    LearnerProfile Profile,
    LearnerRecord Record,
    IReadOnlyList<HeldCredential> Held,
    IReadOnlyList<DemonstratedCompetency> Demonstrated,
    IReadOnlyList<CohortFacts> Cohorts)
{
    public static async Task<LearnerFacts> LoadAsync(IGrainFactory grains, StorageClients storage, string community, string learnerId)
    {
        var learner = grains.Learner(community, learnerId);
        var profile = await learner.GetAsync();
        var record = await learner.GetRecordAsync();
        var rows = new List<AchievementRow>();
        await foreach (var row in storage.ReadModel(storage.Names.ProgressTable).ScanAsync<AchievementRow>(community, AchievementRow.LearnerPrefix(learnerId)))
        {
            rows.Add(row);
        }

        var cohorts = new List<CohortFacts>();
        foreach (var id in record.CohortIds)
        {
            cohorts.Add((await grains.Cohort(community, id).GetAsync()).ToFacts());
        }

        var demonstrated = rows.Where(r => r.ToHeld().Status == Domain.Credentials.CredentialStatus.Active).SelectMany(r => r.Competencies());
        return new LearnerFacts(profile, record, rows.Select(r => r.ToHeld()).ToList(), CompetencyEvidence.Best(demonstrated), cohorts);
    }

    /// <summary>The eligibility facts for one credential (adds the status of the framework version it pins).</summary>
    public async Task<EligibilityResult> EligibilityAsync(IGrainFactory grains, string community, CredentialDefinitionInfo definition, DateTimeOffset now)
    {
        FrameworkVersionStatus? pinned = definition.FrameworkVersion is { } version
            ? (await grains.Framework(community, definition.FrameworkId).GetVersionAsync(version)).Status
            : null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in definition.EffectiveRequirements.PrerequisiteIds)
        {
            names[id] = (await grains.CredentialDefinition(community, id).GetAsync()).Name;
        }

        return Eligibility.Evaluate(definition.Id, definition.EffectiveRequirements, names,
            new EligibilityFacts(Profile.EnrolledAt, Held, Cohorts, definition.FrameworkVersion, pinned), now);
    }
}
