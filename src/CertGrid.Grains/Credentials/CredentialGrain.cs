using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Publishing;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Progress;
using CertGrid.Domain.Talent;
using CertGrid.Grains.Credentials.StatusLists;
using CertGrid.Domain.Notices.Email;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Notices.Email;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Programs;
using CertGrid.Grains.Progress;
using CertGrid.Grains.Renewals;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// An issued credential: an Open Badges 3.0 AchievementCredential signed as a VC-JWT with the community's key.
/// Issuing is idempotent (an effect of a pass, retried until done), and stores the credential in one write with what
/// issuing causes: it is recorded on its holder, its lifespan is tracked for renewal, the pathways it completes are
/// awarded, and its holder is emailed its public page.
/// </summary>
public sealed partial class CredentialGrain(
    [PersistentState("credential", StorageNames.GrainStore)] IPersistentState<CredentialState> state,
    StorageClients storage,
    PublicRoutes routes)
    : DurableGrain<CredentialState>(state), ICredentialGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<IssuedCredential> IssueAsync(IssueCredential command)
    {
        if (RecordExists)
        {
            if (State.AttemptId != command.AttemptId || State.ReplacesCredentialId != command.ReplacesCredentialId)
            {
                throw CertGridException.Conflict($"Credential '{Key.Id}' was already issued for another attempt.");
            }

            return ToIssued();
        }

        return await IssueNewAsync(command);
    }

    /// <summary>Builds, signs and stores a credential under this grain's id; <paramref name="alsoAudited"/> go in the same write.</summary>
    private async Task<IssuedCredential> IssueNewAsync(IssueCredential command, string? awardFingerprint = null, params Domain.Audit.AuditEvent[] alsoAudited)
    {
        var learner = await GrainFactory.Learner(Community, command.LearnerId).GetAsync();
        var definition = await GrainFactory.CredentialDefinition(Community, command.DefinitionId).GetAsync();
        var framework = await GrainFactory.Framework(Community, definition.FrameworkId).GetAsync();
        var community = await GrainFactory.GetGrain<ICommunityGrain>(Community).GetAsync();
        // The credential aligns to the framework version its definition pinned, however the framework moved on since.
        var assessed = framework.Find(definition.FrameworkVersion ?? framework.Version)?.Content
            ?? new FrameworkContent(framework.Name, framework.Description, [], framework.Competencies, ProficiencyLevel.Default);

        var issuer = GrainFactory.GetGrain<IIssuerGrain>(Community);
        var proofFormat = await issuer.GetProofFormatAsync();
        // A credential imported from before CertGrid is valid from when it was earned (its validity counted from then).
        var validFrom = TruncateToSeconds(command.EarnedAt ?? Now);
        DateTimeOffset? validUntil = definition.ValidityDays is { } days ? validFrom.AddDays(days) : null;
        var credentialUrl = routes.Credential(Community, Key.Id);
        var aligned = definition.Rubric.Criteria.SelectMany(c => c.CompetencyCodes).ToHashSet(StringComparer.Ordinal);
        var content = new CredentialContent(
            credentialUrl,
            // A Data Integrity proof is verified against the issuer's DID document: such credentials name the did:web as issuer.
            new IssuerProfile(proofFormat.OffersDataIntegrity() ? routes.DidWeb(Community) : routes.Issuer(Community), community.Name, community.Url, community.Email, community.Description, community.ImageUrl),
            routes.Achievement(Community, definition.Id),
            definition.Name,
            definition.Description,
            definition.Tier,
            definition.CriteriaNarrative,
            assessed.Competencies.Where(c => aligned.Contains(c.Code))
                .Select(c => new CompetencyAlignment(c.Code, c.Name, routes.Framework(Community, framework.Id), assessed.Name)).ToList(),
            definition.Rubric,
            command.Results,
            [
                .. command.Evidence.Select(e => new EvidenceItem(
                    routes.Evidence(Community, Key.Id, e.ArtifactId), e.Title, e.Version.Sha256, e.Version.ContentType, e.Version.SizeBytes)),
                .. command.SupportingEvidence ?? [],
            ],
            learner.Email,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            validFrom,
            validUntil,
            routes.AchievementImage(Community, definition.Id));

        var statusEntry = await GrainFactory.StatusListAllocator(Community, StatusPurpose.Message).AllocateAsync();
        var document = OpenBadgeDocument.Build(content);
        var subjectId = learner.PublicProfileUrl ?? $"urn:uuid:{Guid.NewGuid()}";
        ((JsonObject)document["credentialSubject"]!).Insert(0, "id", subjectId);
        document["credentialStatus"] = CredentialStatusEntries.ToJson(routes, Community, statusEntry);
        var signed = await issuer.SignJwtAsync(JwtPayload(document, subjectId, validFrom, validUntil).ToJsonString());
        var dataIntegrity = proofFormat.OffersDataIntegrity() ? await SignDataIntegrityAsync(issuer, document) : null;

        State.LearnerId = learner.Id;
        State.HolderName = learner.Name;
        State.DefinitionId = definition.Id;
        State.AchievementName = definition.Name;
        State.Tier = definition.Tier;
        State.AttemptId = command.AttemptId;
        State.ValidFrom = validFrom;
        State.ValidUntil = validUntil;
        State.Status = CredentialStatus.Active;
        State.Jwt = signed.Compact;
        State.DocumentJson = document.ToJsonString();
        State.DataIntegrityJson = dataIntegrity;
        State.ProofFormat = proofFormat;
        State.IssuerName = community.Name;
        State.SigningKeyId = signed.KeyId;
        State.FrameworkVersion = definition.FrameworkVersion ?? framework.Version;
        State.ReplacesCredentialId = command.ReplacesCredentialId;
        State.StatusEntries = [statusEntry];
        State.IssuedFrom = command;
        State.AppealId = command.AppealId;
        State.Results = command.Results.ToList();
        State.Demonstrated = CompetencyEvidence.FromResults(definition.Rubric, command.Results, assessed.Levels, Key.Id, definition.Id).ToList();
        State.AwardedThrough = command.AwardedThrough;
        State.AwardFingerprint = awardFingerprint;
        if (validUntil is not null)
        {
            Cause(new TrackRenewal(Key.Id, new TrackCredential(learner.Id, definition.Id, definition.Name, command.AttemptId, validFrom, validUntil, command.ReplacesCredentialId)));
        }

        Cause(new RecordCredentialOnLearner(learner.Id, Key.Id));
        Cause(new AwardCompletedPathways(learner.Id, Held()));
        Cause(new SendNoticeEmail(AssessmentEmails.CredentialIssued(Community, Key.Id, learner.Id, definition.Name, Now, routes.CredentialPage(Community, Key.Id))));
        await SaveAsync([.. alsoAudited, AuditEvent(Domain.Audit.Actors.System, "credential.issued", Key.Id, new
        {
            learnerId = learner.Id, credentialDefinitionId = definition.Id, command.AttemptId, validFrom, validUntil,
            keyId = signed.KeyId, proofFormat = proofFormat.ToString(), frameworkVersion = State.FrameworkVersion, replaces = command.ReplacesCredentialId, appealId = command.AppealId,
            awardedThrough = command.AwardedThrough, supportingEvidence = command.SupportingEvidence?.Select(e => e.Url),
        })]);
        CredentialMetrics.Issued(replacement: command.ReplacesCredentialId is not null);
        return ToIssued();
    }

    private HeldCredential Held() => new(Key.Id, State.DefinitionId, State.AchievementName, State.Status, State.ValidFrom, State.ValidUntil);

    public Task<IssuedCredential?> FindAsync() => Task.FromResult(RecordExists ? ToIssued() : null);

    public Task<TalentCredential?> TalentFactsAsync() => Task.FromResult(RecordExists ? TalentFacts() : null);

    public async Task<IssuedCredential> RevokeAsync(string reason, string actor)
    {
        RequireIssued();

        var why = InputRules.RequireText(reason, "input.reason", 1000);
        if (State.Status != CredentialStatus.Revoked)
        {
            State.Status = CredentialStatus.Revoked;
            State.StatusReason = why;
            await SaveAsync(AuditEvent(actor, "credential.revoked", Key.Id, new { reason = why }));
        }

        return ToIssued();
    }

    public async Task<IssuedCredential> SuspendAsync(string reason, string actor)
    {
        RequireIssued();
        var why = InputRules.RequireText(reason, "input.reason", 1000);
        RequireNotRevoked("suspended");
        if (State.Status != CredentialStatus.Suspended)
        {
            State.Status = CredentialStatus.Suspended;
            State.StatusReason = why;
            await SaveAsync(AuditEvent(actor, "credential.suspended", Key.Id, new { reason = why }));
        }

        return ToIssued();
    }

    public async Task<IssuedCredential> UnsuspendAsync(string reason, string actor)
    {
        RequireIssued();
        var why = InputRules.RequireText(reason, "input.reason", 1000);
        RequireNotRevoked("reinstated");
        if (State.Status == CredentialStatus.Suspended)
        {
            State.Status = CredentialStatus.Active;
            State.StatusReason = null;
            await SaveAsync(AuditEvent(actor, "credential.unsuspended", Key.Id, new { reason = why }));
        }

        return ToIssued();
    }

    public async Task<IssuedCredential> ReissueAsync(string reason, string actor)
    {
        RequireIssued();
        var why = InputRules.RequireText(reason, "input.reason", 1000);
        if (State.IssuedFrom is null)
        {
            throw CertGridException.Policy($"Credential '{Key.Id}' predates re-issuing and cannot be re-issued automatically.");
        }

        // The revocation and the replacement's issuance are one change: the replacement follows as its effect.
        if (State.ReplacedByCredentialId is null)
        {
            var replacementId = EntityId.New(IdPrefixes.Credential);
            State.ReplacedByCredentialId = replacementId;
            var events = new List<Domain.Audit.AuditEvent> { AuditEvent(actor, "credential.reissue-started", Key.Id, new { replacement = replacementId, reason = why }) };
            if (State.Status != CredentialStatus.Revoked)
            {
                State.Status = CredentialStatus.Revoked;
                State.StatusReason = $"re-issued as {replacementId}: {why}";
                events.Add(AuditEvent(actor, "credential.revoked", Key.Id, new { reason = State.StatusReason }));
            }

            Cause(new IssueEarnedCredential(replacementId, State.IssuedFrom with { ReplacesCredentialId = Key.Id }));
            await SaveAsync([.. events]);
        }

        return await GrainFactory.Credential(Community, State.ReplacedByCredentialId).FindAsync()
            ?? throw new CertGridException(ErrorCode.Unavailable,
                $"Credential '{Key.Id}' is revoked and its replacement '{State.ReplacedByCredentialId}' is still being issued; ask again shortly.");
    }

    public async Task<IssuedCredential> MarkReplacedAsync(string replacementCredentialId, string actor)
    {
        RequireIssued();
        if (State.ReplacedByCredentialId != replacementCredentialId)
        {
            State.ReplacedByCredentialId = replacementCredentialId;
            await SaveAsync(AuditEvent(actor, "credential.replaced", Key.Id, new { replacedBy = replacementCredentialId }));
        }

        return ToIssued();
    }

    protected override async Task ProjectAsync()
    {
        // The published status lists follow the credential's status: its 2-bit code in a message list, or (credentials
        // issued before) the revocation bit and the suspension bit.
        foreach (var entry in State.StatusEntries)
        {
            var value = entry.Purpose switch
            {
                StatusPurpose.Message => CredentialStatusCode.Of(State.Status),
                StatusPurpose.Revocation => State.Status == CredentialStatus.Revoked ? 1 : 0,
                _ => State.Status == CredentialStatus.Suspended ? 1 : 0,
            };
            await GrainFactory.StatusList(Community, entry.Purpose, entry.ListNumber).SetAsync(entry.Index, value);
        }

        var summary = new CredentialSummary(Key.Id, State.LearnerId, State.HolderName, State.DefinitionId, State.AchievementName,
            State.Tier, State.ValidFrom, State.ValidUntil, State.Status, State.SigningKeyId);
        await storage.ReadModel(storage.Names.CredentialsTable).UpsertAsync([.. CredentialRow.From(Community, summary)]);
        var progress = storage.ReadModel(storage.Names.ProgressTable);
        var achievement = AchievementRow.From(Community, Held(), State.LearnerId, State.FrameworkVersion, State.Demonstrated, State.Jwt);
        if (State.HolderErasedAt is not null)
        {
            await progress.DeleteAsync(Community, achievement.RowKey);
            return;
        }

        await progress.UpsertAsync(achievement);
        var holder = GrainFactory.Learner(Community, State.LearnerId);
        await holder.RefreshProgressAsync();
        // Talent search follows the credential's status when its holder consented to be found for it. Asked after the
        // credential's row is stored: a consent given later reads the row (LearnerConsentGrain.BecomeDiscoverableAsync).
        if (await holder.MayHaveDeclaredAsync(LearnerDeclaration.Discoverable))
        {
            await GrainFactory.LearnerConsents(Community, State.LearnerId).CredentialChangedAsync(TalentFacts(), State.ReplacesCredentialId);
        }
    }

    private TalentCredential TalentFacts() => new(
        Key.Id, State.DefinitionId, State.AchievementName, State.Tier, State.Status, State.ValidFrom, State.ValidUntil,
        State.Demonstrated.Select(d => new TalentCompetency(d.Code, d.Percent, d.Proficiency)).ToList());

    /// <summary>The VC-JWT payload: the credential itself plus the registered claims OB 3.0 maps from it.</summary>
    private static JsonObject JwtPayload(JsonObject document, string subjectId, DateTimeOffset validFrom, DateTimeOffset? validUntil)
    {
        var payload = (JsonObject)document.DeepClone();
        payload["iss"] = document["issuer"]!["id"]!.GetValue<string>();
        payload["sub"] = subjectId;
        payload["jti"] = document["id"]!.GetValue<string>();
        payload["nbf"] = validFrom.ToUnixTimeSeconds();
        if (validUntil is { } until)
        {
            payload["exp"] = until.ToUnixTimeSeconds();
        }

        return payload;
    }

    private void RequireIssued()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Credential", Key.Id);
        }
    }

    private void RequireNotRevoked(string what)
    {
        if (State.Status == CredentialStatus.Revoked)
        {
            throw CertGridException.Conflict($"Credential '{Key.Id}' is revoked for good and cannot be {what}.");
        }
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private IssuedCredential ToIssued() => new(
        Key.Id, routes.Credential(Community, Key.Id), State.LearnerId, State.HolderName, State.DefinitionId, State.AchievementName, State.Tier,
        State.AttemptId, State.ValidFrom, State.ValidUntil, State.Status, State.StatusReason, State.Jwt, State.DocumentJson, State.IssuerName,
        State.ReplacesCredentialId, State.ReplacedByCredentialId, State.SigningKeyId, State.IssuedFrom?.Evidence ?? [], State.AppealId,
        State.FrameworkVersion, State.Results, State.AwardedThrough, State.DataIntegrityJson, State.ProofFormat);
}
