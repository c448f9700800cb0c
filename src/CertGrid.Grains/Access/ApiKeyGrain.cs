using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Access;
using CertGrid.Grains.OAuth;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Access;

/// <summary>One API key: its role, subject, scopes and lifetime, and only the hash of its secret.</summary>
public sealed class ApiKeyGrain(
    [PersistentState("apikey", StorageNames.GrainStore)] IPersistentState<ApiKeyState> state,
    StorageClients storage)
    : DurableGrain<ApiKeyState>(state), IApiKeyGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<IssuedApiKey> IssueAsync(IssueApiKey command, string actor)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"API key '{Key.Id}' already exists.");
        }

        var label = InputRules.RequireText(command.Label, "input.label", 100);
        var expiresAt = ApiKeyLifetime.RequireExpiry(command.ExpiresAt, Now, "input.expiresAt");
        var scopes = await CheckSubjectAndScopesAsync(command);
        var token = ApiKeyToken.Create(Community, Key.Id);

        State.Role = command.Role;
        State.SubjectId = command.SubjectId;
        State.Scopes = scopes;
        State.Label = label;
        State.SecretHash = ApiKeyToken.HashSecret(token.Secret);
        State.CreatedAt = Now;
        State.ExpiresAt = expiresAt;
        return await SaveAnsweringAsync(new IssuedApiKey(ToInfo(), token.ToString()),
            AuditEvent(actor, "apikey.issued", Key.Id, new { role = command.Role.ToString(), command.SubjectId, scopes, label, expiresAt }));
    }

    public Task<ApiKeyCredential?> FindAsync() =>
        Task.FromResult(RecordExists ? new ApiKeyCredential(ToInfo(), State.SecretHash) : null);

    public async Task<ApiKeyInfo> RevokeAsync(string actor)
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("API key", Key.Id);
        }

        if (State.RevokedAt is null)
        {
            State.RevokedAt = Now;
            if (State.Role == Role.Learner && State.SubjectId is { } learnerId)
            {
                Cause(new WithdrawClientGrantsOfKey(learnerId, Key.Id, actor));
            }

            return await SaveAnsweringAsync(ToInfo(), AuditEvent(actor, "apikey.revoked", Key.Id, new { role = State.Role.ToString(), State.SubjectId }));
        }

        return ToInfo();
    }

    public async Task<IssuedApiKey> RotateAsync(string newKeyId, int graceMinutes, string actor)
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("API key", Key.Id);
        }

        var grace = ApiKeyLifetime.RequireGrace(graceMinutes, "graceMinutes");
        if (State.RotatedTo is not null)
        {
            throw CertGridException.Conflict($"API key '{Key.Id}' was already rotated to '{State.RotatedTo}'; rotate that key instead.");
        }

        if (!ApiKeyLifetime.IsUsable(State.RevokedAt, State.ExpiresAt, Now))
        {
            throw CertGridException.Conflict($"API key '{Key.Id}' is revoked or expired; issue a new key instead of rotating it.");
        }

        var token = ApiKeyToken.Create(Community, newKeyId);
        var replacement = new RotatedApiKey(Key.Id, State.Role, State.SubjectId, State.Scopes, State.Label, State.ExpiresAt, ApiKeyToken.HashSecret(token.Secret), actor);
        State.RotatedTo = newKeyId;
        State.ExpiresAt = ApiKeyLifetime.ExpiryAfterRotation(State.ExpiresAt, Now, grace);
        Cause(new IssueRotatedApiKey(newKeyId, replacement));
        var info = new ApiKeyInfo(newKeyId, State.Role, State.SubjectId, State.Scopes, State.Label, Now, null, replacement.ExpiresAt);
        return await SaveAnsweringAsync(new IssuedApiKey(info, token.ToString()),
            AuditEvent(actor, "apikey.rotated", Key.Id, new { rotatedTo = newKeyId, oldKeyExpiresAt = State.ExpiresAt }));
    }

    public async Task AdoptRotationAsync(RotatedApiKey replacement)
    {
        if (RecordExists)
        {
            return;
        }

        State.Role = replacement.Role;
        State.SubjectId = replacement.SubjectId;
        State.Scopes = [.. replacement.Scopes];
        State.Label = replacement.Label;
        State.SecretHash = replacement.SecretHash;
        State.CreatedAt = Now;
        State.ExpiresAt = replacement.ExpiresAt;
        State.RotatedFrom = replacement.RotatedFrom;
        await SaveAsync(AuditEvent(replacement.Actor, "apikey.issued", Key.Id, new { role = replacement.Role.ToString(), replacement.SubjectId, rotatedFrom = replacement.RotatedFrom, replacement.ExpiresAt }));
    }

    public async Task RecordUseAsync()
    {
        if (RecordExists && ApiKeyLifetime.ShouldRecordUse(State.LastUsedAt, Now))
        {
            State.LastUsedAt = Now;
            if (State.Role == Role.Learner && State.SubjectId is { } learnerId)
            {
                Cause(new Privacy.RecordLearnerActivity(learnerId)); // a sign-in counts against the retention policy
            }

            await SaveAsync();
        }
    }

    protected override Task ProjectAsync() =>
        storage.ReadModel(storage.Names.ApiKeysTable).UpsertAsync(ApiKeyRow.From(Community, ToInfo()));

    private async Task<List<string>> CheckSubjectAndScopesAsync(IssueApiKey command)
    {
        var scopes = InputRules.RequireCount(command.Scopes ?? [], "input.scopes", 0, 10)
            .Select((s, i) => InputRules.RequireText(s, $"input.scopes[{i}]", 100)).Distinct(StringComparer.Ordinal).ToList();
        switch (command.Role)
        {
            case Role.Learner:
                var learnerId = EntityId.Require(command.SubjectId, IdPrefixes.Learner, "input.subjectId");
                _ = await GrainFactory.Learner(Community, learnerId).GetAsync();
                break;
            case Role.Evaluator:
                var evaluatorId = EntityId.Require(command.SubjectId, IdPrefixes.Evaluator, "input.subjectId");
                _ = await GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community).GetAsync(evaluatorId);
                break;
            case Role.Partner:
            case Role.CommunityAdmin:
                if (command.SubjectId is not null)
                {
                    throw CertGridException.Invalid("input.subjectId", $"A {command.Role} key is not bound to a subject; leave 'subjectId' empty.");
                }

                break;
            default:
                throw CertGridException.Invalid("input.role", $"Unknown role '{command.Role}'.");
        }

        if (command.Role != Role.Partner && scopes.Count > 0)
        {
            throw CertGridException.Invalid("input.scopes", "Only partner keys carry scopes.");
        }

        var unknown = scopes.FirstOrDefault(s => !PartnerScopes.All.Contains(s));
        if (unknown is not null)
        {
            throw CertGridException.Invalid("input.scopes", $"Unknown scope '{unknown}'. Known scopes: {string.Join(", ", PartnerScopes.All)}.");
        }

        return scopes;
    }

    private ApiKeyInfo ToInfo() =>
        new(Key.Id, State.Role, State.SubjectId, State.Scopes, State.Label, State.CreatedAt, State.RevokedAt, State.ExpiresAt, State.LastUsedAt, State.RotatedTo);
}
