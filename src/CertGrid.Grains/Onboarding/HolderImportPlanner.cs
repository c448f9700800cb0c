using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Onboarding;
using CertGrid.Grains.Credentials;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Onboarding;

/// <summary>
/// Plans credentials earned before CertGrid: the holder must be enrolled (by email) and the credential defined, else the
/// row is an error saying so. Each row's credential id derives from the row's key (its external id, or holder, credential
/// and day), not from the import, so the same file imported twice meets the credentials it issued the first time and
/// changes nothing; an external id already imported for another holder is an error.
/// </summary>
public static class HolderImportPlanner
{
    /// <summary>The attempt an imported credential names: there was none in CertGrid (its <c>awardedThrough</c> names the import).</summary>
    public const string ImportedAttempt = "import";

    private const string CredentialIdScope = "imported-credential";

    public static async Task<ImportPlan> PlanAsync(ImportPlanning planning)
    {
        var file = HolderRoster.Parse(planning.Content, planning.Format, DateOnly.FromDateTime(planning.Now.UtcDateTime));
        var definitions = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var definitionId in file.Rows.Select(r => r.DefinitionId).Distinct(StringComparer.Ordinal))
        {
            definitions[definitionId] = await DefinedAsync(planning.Grains.CredentialDefinition(planning.Community, definitionId));
        }

        var learners = await planning.Emails.FindAsync(planning.Community, file.Rows.Select(r => r.Email));
        var credentialIds = file.Rows.ToDictionary(r => r.Line, r => ImportedId.For(IdPrefixes.Credential, CredentialIdScope, r.RowKey));
        var issued = (await planning.Storage.ReadModel(planning.Storage.Names.CredentialsTable)
                .FindManyAsync<CredentialRow>(planning.Community, credentialIds.Values.Select(id => CredentialRow.AllPrefix + id)))
            .ToDictionary(r => r.CredentialId, StringComparer.Ordinal);

        var errors = new List<ImportRowError>();
        var rows = file.Rows.Select(r =>
        {
            var before = errors.Count;
            if (!definitions[r.DefinitionId])
            {
                errors.Add(new ImportRowError(r.Line, "credential", $"This community has no credential {r.DefinitionId}.", HolderRoster.CredentialAccepted));
            }

            var learnerId = learners.GetValueOrDefault(r.Email);
            if (learnerId is null)
            {
                errors.Add(new ImportRowError(r.Line, "email", $"No learner with email {r.Email} is enrolled in this community.",
                    "an enrolled learner's email: import the learners first (a learners import), then their credentials"));
            }

            var credentialId = credentialIds[r.Line];
            var existing = issued.GetValueOrDefault(credentialId);
            if (existing is not null && learnerId is not null && (existing.LearnerId != learnerId || existing.DefinitionId != r.DefinitionId))
            {
                errors.Add(new ImportRowError(r.Line, "externalId", $"{r.ExternalId} was already imported as {credentialId}, for another holder or credential.",
                    HolderRoster.ExternalIdAccepted + ", never reused for another credential"));
            }

            return errors.Count == before ? new PlannedHolder(r, learnerId!, credentialId, existing?.CredentialId) : null;
        }).ToList();
        return ImportPlan.Of(file, rows, errors);
    }

    private static async Task<bool> DefinedAsync(ICredentialDefinitionGrain definition)
    {
        try
        {
            await definition.GetAsync();
            return true;
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound)
        {
            return false;
        }
    }
}

/// <summary>A credential earned before CertGrid: issued through the signing path, valid from the day it was earned, with the import as its provenance.</summary>
public sealed record PlannedHolder(HolderImportRow Row, string LearnerId, string CredentialId, string? ExistingCredentialId)
    : PlannedRow(Row.Line, Row.Email, CredentialId, ExistingCredentialId)
{
    public override string ExistingOutcome => "unchanged: already imported";

    public override string DoneOutcome => "issued";

    public override string PendingOutcome => "to issue";

    public override async Task<bool> ApplyAsync(ImportApplication import)
    {
        var earnedAt = new DateTimeOffset(Row.EarnedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await import.Grains.Credential(import.Community, CredentialId).IssueAsync(new IssueCredential(LearnerId, Row.DefinitionId, HolderImportPlanner.ImportedAttempt, [], [],
            AwardedThrough: $"import:{import.ImportId}", EarnedAt: earnedAt));
        return true;
    }
}
