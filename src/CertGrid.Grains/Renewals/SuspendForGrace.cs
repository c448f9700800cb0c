using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// An expired credential with a renewal policy is suspended during its grace period (the status list's suspension bit),
/// with a reason that names the grace period: <see cref="ApplyLapse"/> lifts only a suspension with that reason. A
/// credential that is not active (already suspended by an admin, revoked) is left as it is.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.suspend-for-grace")]
public sealed record SuspendForGrace([property: Id(0)] string CredentialId, [property: Id(1)] string Reason) : Effect
{
    public override string Receiver => $"credential:{CredentialId}";

    public override async Task ApplyAsync(EffectContext context)
    {
        var credential = context.Grains.Credential(context.Community, CredentialId);
        if ((await credential.FindAsync())?.Status == CredentialStatus.Active)
        {
            await credential.SuspendAsync(Reason, Actors.System);
        }
    }
}
