using CertGrid.Abstractions.DirectAwards;
using CertGrid.Domain.DirectAwards;
using CertGrid.Domain.Notices;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace CertGrid.Grains.DirectAwards;

/// <summary>
/// A community's award hook secret: created and rotated by admins, answered once (kept with the change's write for a run
/// again), stored encrypted with Data Protection like webhook endpoint secrets, and used here alone to check signatures.
/// </summary>
public sealed class AwardHookGrain(
    [PersistentState("award-hook", StorageNames.GrainStore)] IPersistentState<AwardHookState> state,
    IDataProtectionProvider dataProtection)
    : DurableGrain<AwardHookState>(state), IAwardHookGrain
{
    /// <summary>The Data Protection purpose of award hook secrets; changing it makes every stored secret unreadable.</summary>
    public const string ProtectionPurpose = "CertGrid.DirectAwards.HookSecrets.v1";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectionPurpose);

    protected override string Community => this.GetPrimaryKeyString();

    public async Task<AwardHookSecret> CreateSecretAsync(string actor)
    {
        if (State.ProtectedSecret is not null)
        {
            throw CertGridException.Conflict("This community already has an award hook secret: rotate it (rotateAwardHookSecret) to get a new one.");
        }

        var secret = WebhookEndpointRules.SecretOrNew(null);
        State.ProtectedSecret = _protector.Protect(secret);
        State.SecretCreatedAt = Now;
        return await SaveAnsweringAsync(new AwardHookSecret(ToInfo(), secret), AuditEvent(actor, "award-hook.secret-created", Community, new { createdAt = Now }));
    }

    public async Task<AwardHookSecret> RotateSecretAsync(string actor)
    {
        if (State.ProtectedSecret is null)
        {
            throw CertGridException.NotFound("Award hook secret", Community);
        }

        var secret = WebhookEndpointRules.SecretOrNew(null);
        State.ProtectedPreviousSecret = State.ProtectedSecret;
        State.PreviousValidUntil = Now + AwardHookOverlap.PreviousSecretValidFor;
        State.ProtectedSecret = _protector.Protect(secret);
        State.SecretCreatedAt = Now;
        return await SaveAnsweringAsync(new AwardHookSecret(ToInfo(), secret),
            AuditEvent(actor, "award-hook.secret-rotated", Community, new { previousValidUntil = State.PreviousValidUntil }));
    }

    public Task<AwardHookInfo> GetAsync() => Task.FromResult(ToInfo());

    public Task<AwardHookCheck> VerifyAsync(string? signatureHeader, byte[] signedContent)
    {
        if (State.ProtectedSecret is null)
        {
            return Task.FromResult(AwardHookCheck.NotEnabled);
        }

        List<string> secrets = [_protector.Unprotect(State.ProtectedSecret)];
        if (State.ProtectedPreviousSecret is not null && State.PreviousValidUntil > Now)
        {
            secrets.Add(_protector.Unprotect(State.ProtectedPreviousSecret));
        }

        return Task.FromResult(WebhookSignature.Check(secrets, signatureHeader, signedContent, Now, AwardHookRequest.Tolerance) switch
        {
            WebhookSignatureCheck.Valid => AwardHookCheck.Valid,
            WebhookSignatureCheck.Stale => AwardHookCheck.Stale,
            _ => AwardHookCheck.BadSignature,
        });
    }

    private AwardHookInfo ToInfo() => new(Community, State.ProtectedSecret is not null, State.SecretCreatedAt,
        State.PreviousValidUntil > Now ? State.PreviousValidUntil : null);
}
