using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Learners;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Privacy;
using CertGrid.Grains.Progress;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Learners;

/// <summary>A learner: profile, portfolio (every artifact version kept), attempts and credentials.</summary>
public sealed partial class LearnerGrain(
    [PersistentState("learner", StorageNames.GrainStore)] IPersistentState<LearnerState> state,
    StorageClients storage,
    ArtifactStore artifacts,
    IOptions<PortfolioOptions> portfolioOptions)
    : DurableGrain<LearnerState>(state), ILearnerGrain
{
    private const int MaxEvidencePerAttempt = 20;
    private readonly PortfolioOptions _portfolio = portfolioOptions.Value;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<LearnerProfile> EnrolAsync(EnrolLearner command, string actor)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"Learner '{Key.Id}' is already enrolled.");
        }

        var name = InputRules.RequireText(command.Name, "input.name");
        var email = InputRules.RequireEmail(command.Email, "input.email");
        var organisation = InputRules.OptionalText(command.Organisation, "input.organisation", InputRules.NameMaxLength);
        await ClaimEmailAsync(email);
        State.Name = name;
        State.Email = email;
        State.Organisation = organisation;
        State.EnrolledAt = Now;
        State.Declared = Enum.GetValues<LearnerDeclaration>().ToDictionary(declaration => declaration, _ => false);
        await SaveAsync(AuditEvent(actor, "learner.enrolled", Key.Id, new { State.Name, State.Organisation }));
        return ToProfile();
    }

    public Task<LearnerProfile> GetAsync() =>
        Enrolled ? Task.FromResult(ToProfile()) : throw CertGridException.NotFound("Learner", Key.Id);

    public Task<LearnerProfile?> FindAsync() => Task.FromResult(Enrolled ? ToProfile() : null);

    public Task<LearnerProfile?> FindWithoutWaitingAsync() => FindAsync();

    public async Task<ArtifactUploadTicket> RequestArtifactUploadAsync(RequestArtifactUpload command)
    {
        RequireEnrolled();
        var title = InputRules.RequireText(command.Title, "input.title");
        var fileName = PortfolioRules.RequireFileName(command.FileName);
        var contentType = InputRules.RequireText(command.ContentType, "input.contentType", 100).ToLowerInvariant();
        _portfolio.Policy.CheckDeclared(contentType, command.SizeBytes);

        string artifactId;
        ArtifactState artifact;
        if (command.ArtifactId is null)
        {
            if (State.Artifacts.Count >= _portfolio.MaxArtifactsPerLearner)
            {
                throw CertGridException.Policy($"A portfolio holds at most {_portfolio.MaxArtifactsPerLearner} artifacts.");
            }

            artifactId = EntityId.New(IdPrefixes.Artifact);
            artifact = new ArtifactState { Title = title, CreatedAt = Now };
        }
        else
        {
            artifactId = EntityId.Require(command.ArtifactId, IdPrefixes.Artifact, "input.artifactId");
            artifact = State.Artifacts.GetValueOrDefault(artifactId) ?? throw CertGridException.NotFound("Artifact", artifactId);
            if (artifact.Versions.Count >= _portfolio.MaxVersionsPerArtifact)
            {
                throw CertGridException.Policy($"An artifact keeps at most {_portfolio.MaxVersionsPerArtifact} versions.");
            }
        }

        var version = artifact.Versions.Count + 1;
        var blobName = $"{Community}/{Key.Id}/{artifactId}/v{version}";
        var (uploadUrl, expiresAt) = await artifacts.CreateUploadUrlAsync(blobName, _portfolio.UploadUrlLifetime);
        artifact.Title = title;
        artifact.Pending = new PendingUpload(version, fileName, contentType, command.SizeBytes, blobName, expiresAt);
        State.Artifacts[artifactId] = artifact;
        return await SaveAnsweringAsync(new ArtifactUploadTicket(artifactId, version, uploadUrl, expiresAt, new Dictionary<string, string>
        {
            ["x-ms-blob-type"] = "BlockBlob",
            ["Content-Type"] = contentType,
        }));
    }

    public async Task<PortfolioArtifact> CommitArtifactAsync(string artifactId, int version)
    {
        RequireEnrolled();
        var artifact = State.Artifacts.GetValueOrDefault(artifactId) ?? throw CertGridException.NotFound("Artifact", artifactId);
        if (artifact.Versions.Any(v => v.Version == version))
        {
            return ToArtifact(artifactId, artifact);
        }

        var pending = artifact.Pending is { } p && p.Version == version
            ? p
            : throw CertGridException.Invalid("input.version", $"Version {version} of artifact '{artifactId}' was never requested; request an upload first.");

        var stored = await artifacts.InspectAsync(pending.BlobName, _portfolio.MaxArtifactBytes)
            ?? throw CertGridException.Invalid("input.version", $"No file was uploaded for version {version} of artifact '{artifactId}'. PUT it to the upload URL, then commit.");

        var rejection = PortfolioRules.FindRejection(_portfolio.Policy, pending, stored);
        if (rejection is not null)
        {
            // Nothing half-written remains: the rejected bytes go, and the artifact is as it was before the upload.
            await artifacts.DeleteAsync(pending.BlobName);
            artifact.Pending = null;
            if (artifact.Versions.Count == 0)
            {
                State.Artifacts.Remove(artifactId);
            }

            await SaveAsync();
            throw CertGridException.Policy(rejection);
        }

        var committed = new ArtifactVersion(version, pending.FileName, stored.ContentType, stored.SizeBytes, stored.Sha256, Now, pending.BlobName);
        artifact.Versions.Add(committed);
        artifact.Pending = null;
        return await SaveAnsweringAsync(ToArtifact(artifactId, artifact), AuditEvent(Actors.Learner(Key.Id), "artifact.committed", artifactId, new
        {
            version, committed.FileName, committed.ContentType, committed.SizeBytes, committed.Sha256,
        }));
    }

    public Task<IReadOnlyList<PortfolioArtifact>> GetPortfolioAsync()
    {
        RequireEnrolled();
        IReadOnlyList<PortfolioArtifact> list = State.Artifacts
            .OrderBy(a => a.Value.CreatedAt)
            .Select(a => ToArtifact(a.Key, a.Value))
            .ToList();
        return Task.FromResult(list);
    }

    public Task<IReadOnlyList<EvidenceRef>> ResolveEvidenceAsync(IReadOnlyList<string> artifactIds)
    {
        RequireEnrolled();
        var ids = InputRules.RequireCount(artifactIds, "input.artifactIds", 1, MaxEvidencePerAttempt);
        InputRules.RequireUnique(ids, "input.artifactIds");
        IReadOnlyList<EvidenceRef> evidence = ids.Select(id =>
        {
            var artifact = State.Artifacts.GetValueOrDefault(id)
                ?? throw CertGridException.Invalid("input.artifactIds", $"Artifact '{id}' is not in your portfolio.");
            var latest = artifact.Versions.Count > 0
                ? artifact.Versions[^1]
                : throw CertGridException.Invalid("input.artifactIds", $"Artifact '{id}' has no committed version yet; commit the upload first.");
            return new EvidenceRef(id, artifact.Title, latest);
        }).ToList();
        return Task.FromResult(evidence);
    }

    public async Task<LearnerProfile> SetPublicProfileUrlAsync(string? url)
    {
        RequireEnrolled();
        var value = InputRules.OptionalHttpsUrl(url, "url")?.ToString();
        if (value != State.PublicProfileUrl)
        {
            State.PublicProfileUrl = value;
            await SaveAsync(AuditEvent(Actors.Learner(Key.Id), "learner.public-profile-changed", Key.Id, new { url = value }));
        }

        return ToProfile();
    }

    public async Task<PortfolioArtifact> SetArtifactVisibilityAsync(string artifactId, bool isPublic)
    {
        RequireEnrolled();
        var artifact = State.Artifacts.GetValueOrDefault(artifactId) ?? throw CertGridException.NotFound("Artifact", artifactId);
        if (artifact.Public != isPublic)
        {
            artifact.Public = isPublic;
            return await SaveAnsweringAsync(ToArtifact(artifactId, artifact), AuditEvent(Actors.Learner(Key.Id), "artifact.visibility-changed", artifactId, new { isPublic }));
        }

        return ToArtifact(artifactId, artifact);
    }

    public async Task<Uri> OpenEvidenceAsync(string artifactId, int version, bool privileged)
    {
        RequireEnrolled();
        var artifact = State.Artifacts.GetValueOrDefault(artifactId) ?? throw CertGridException.NotFound("Artifact", artifactId);
        var committed = artifact.Versions.FirstOrDefault(v => v.Version == version) ?? throw CertGridException.NotFound("Artifact version", $"{artifactId} v{version}");
        if (!artifact.Public && !privileged)
        {
            throw CertGridException.Forbidden("The learner has not made this evidence public.");
        }

        return await artifacts.CreateReadUrlAsync(committed.BlobName, TimeSpan.FromMinutes(5));
    }

    public async Task RecordAttemptAsync(LearnerAttempt attempt)
    {
        if (Erased)
        {
            return; // an erased learner's tombstone records nothing more (these calls come from other grains' effects)
        }

        RequireEnrolled();
        if (State.Attempts.All(a => a.AttemptId != attempt.AttemptId))
        {
            State.Attempts.Add(attempt);
            State.LastActiveAt = Now;
            await SaveAsync();
        }
    }

    public async Task ReserveAttemptAsync(LearnerAttempt attempt, RetakePolicy policy, IReadOnlyList<DateTimeOffset> diagnosticsCompletedAt, string credentialName)
    {
        RequireEnrolled();
        if (State.Attempts.Any(a => a.AttemptId == attempt.AttemptId))
        {
            return;
        }

        var eligibility = RetakeRules.Check(policy, History(attempt.DefinitionId), diagnosticsCompletedAt, Now);
        if (!eligibility.Eligible)
        {
            throw RetakeRules.Violation(eligibility, credentialName);
        }

        State.Attempts.Add(attempt);
        State.LastActiveAt = Now;
        await SaveAsync();
    }

    public async Task ReleaseAttemptAsync(string attemptId)
    {
        if (Erased)
        {
            return; // an erased learner's tombstone records nothing more (these calls come from other grains' effects)
        }

        RequireEnrolled();
        if (State.Attempts.RemoveAll(a => a.AttemptId == attemptId && a.Passed is null) > 0)
        {
            await SaveAsync();
        }
    }

    public async Task RecordAttemptOutcomeAsync(string attemptId, bool passed, DateTimeOffset decidedAt, string? credentialId)
    {
        if (Erased)
        {
            return; // an erased learner's tombstone records nothing more (these calls come from other grains' effects)
        }

        RequireEnrolled();
        var index = State.Attempts.FindIndex(a => a.AttemptId == attemptId);
        var outcomeChanged = index >= 0 && (State.Attempts[index].Passed != passed || State.Attempts[index].DecidedAt != decidedAt);
        if (outcomeChanged)
        {
            State.Attempts[index] = State.Attempts[index] with { Passed = passed, DecidedAt = decidedAt };
        }

        var credentialAdded = AddCredential(credentialId);
        if (outcomeChanged || credentialAdded)
        {
            State.LastActiveAt = Now;
            await SaveAsync();
        }
    }

    public Task<RetakeEligibility> CheckRetakeAsync(string definitionId, RetakePolicy policy, IReadOnlyList<DateTimeOffset> diagnosticsCompletedAt)
    {
        RequireEnrolled();
        return Task.FromResult(RetakeRules.Check(policy, History(definitionId), diagnosticsCompletedAt, Now));
    }

    public async Task RecordCredentialAsync(string credentialId)
    {
        if (Erased)
        {
            return; // an erased learner's tombstone records nothing more (these calls come from other grains' effects)
        }

        RequireEnrolled();
        if (AddCredential(credentialId))
        {
            State.LastActiveAt = Now;
            await SaveAsync();
        }
    }

    public async Task RecordCohortAsync(string cohortId)
    {
        RequireEnrolled();
        if (!State.CohortIds.Contains(cohortId))
        {
            State.CohortIds.Add(cohortId);
            State.CohortJoinedAt[cohortId] = Now;
            await SaveAsync();
        }
    }

    public Task<LearnerRecord> GetRecordAsync()
    {
        RequireEnrolled();
        return Task.FromResult(new LearnerRecord(State.Attempts.ToList(), State.CredentialIds.ToList(), State.CohortIds.ToList()));
    }

    public Task RefreshProgressAsync() => Enrolled ? ProjectProgressAsync() : Task.CompletedTask;

    protected override async Task ProjectAsync()
    {
        if (State.ErasedAt is not null)
        {
            await new LearnerRowsEraser(storage).EraseAsync(Community, Key.Id, State.CohortIds);
            return;
        }

        await storage.ReadModel(storage.Names.LearnersTable).UpsertAsync(LearnerRow.From(Community, ToProfile(), LastActiveAt));
        await ProjectProgressAsync();
    }

    private Task ProjectProgressAsync() => new CohortProgressProjection(storage).ProjectAsync(Community, Key.Id, State.Name, State.Attempts,
        State.CohortIds.ToDictionary(id => id, id => State.CohortJoinedAt.GetValueOrDefault(id, State.EnrolledAt)));

    private List<AttemptHistoryEntry> History(string definitionId) => State.Attempts
        .Where(a => a.DefinitionId == definitionId)
        .Select(a => new AttemptHistoryEntry(a.AttemptId, a.SubmittedAt, a.Passed, a.DecidedAt))
        .ToList();

    /// <summary>Adds a credential's id to the record unless it is there already; whether it was added.</summary>
    private bool AddCredential(string? credentialId)
    {
        if (credentialId is null || State.CredentialIds.Contains(credentialId))
        {
            return false;
        }

        State.CredentialIds.Add(credentialId);
        return true;
    }

    /// <summary>Enrolled and not erased: an erased learner is NOT_FOUND to everyone.</summary>
    private bool Enrolled => RecordExists && State.ErasedAt is null;

    private bool Erased => State.ErasedAt is not null;

    private void RequireEnrolled()
    {
        if (!Enrolled)
        {
            throw CertGridException.NotFound("Learner", Key.Id);
        }
    }

    private LearnerProfile ToProfile() => new(Key.Id, State.Name, State.Email, State.Organisation, State.EnrolledAt, State.PublicProfileUrl);

    private static PortfolioArtifact ToArtifact(string id, ArtifactState artifact) =>
        new(id, artifact.Title, artifact.Versions.ToList(), artifact.Pending, artifact.Public);
}
