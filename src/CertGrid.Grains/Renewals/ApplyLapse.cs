using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// A credential that lapsed without renewal is revoked (when its policy says so), or else stays on record as permanently
/// expired: the grace-period suspension (<see cref="SuspendForGrace"/>, recognised by its reason) is lifted, any other
/// status is left as it is. A credential only tracked, never issued, has no status to change.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.apply-lapse")]
public sealed record ApplyLapse(
    [property: Id(0)] string CredentialId,
    [property: Id(1)] LapseAction? Action,
    [property: Id(2)] string Reason,
    [property: Id(3)] string GraceReason) : Effect
{
    public override string Receiver => $"credential:{CredentialId}";

    public override async Task ApplyAsync(EffectContext context)
    {
        var credential = context.Grains.Credential(context.Community, CredentialId);
        var current = await credential.FindAsync();
        if (current is null)
        {
            return;
        }

        if (Action == LapseAction.Revoke)
        {
            await credential.RevokeAsync(Reason, Actors.System);
        }
        else if (current.Status == CredentialStatus.Suspended && current.StatusReason == GraceReason)
        {
            await credential.UnsuspendAsync(Reason + " It stays on record as permanently expired.", Actors.System);
        }
    }
}
