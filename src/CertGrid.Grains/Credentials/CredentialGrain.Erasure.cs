using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;

namespace CertGrid.Grains.Credentials;

/// <summary>The holder's erasure and rectification reaching one of their credentials.</summary>
public sealed partial class CredentialGrain
{
    /// <summary>The status reason published for a credential whose holder was erased.</summary>
    public const string HolderErasedReason = "The holder's personal data was erased at their request; the issuer no longer vouches for this credential.";

    public async Task EraseHolderAsync()
    {
        if (!RecordExists || State.HolderErasedAt is not null)
        {
            return;
        }

        State.HolderErasedAt = Now;
        State.HolderName = string.Empty;
        State.Jwt = string.Empty;
        State.DocumentJson = string.Empty;
        State.DataIntegrityJson = null;
        State.IssuedFrom = null;
        State.AwardFingerprint = null;
        State.Status = CredentialStatus.Revoked;
        State.StatusReason = HolderErasedReason;
        await SaveAsync(AuditEvent(Actors.System, "credential.revoked", Key.Id, new { reason = HolderErasedReason }));
    }

    public async Task RectifyHolderNameAsync(string name)
    {
        if (!RecordExists || State.HolderErasedAt is not null || State.HolderName == name)
        {
            return;
        }

        State.HolderName = name;
        await SaveAsync(AuditEvent(Actors.System, "credential.holder-rectified", Key.Id, new { field = "holderName" }));
    }
}
