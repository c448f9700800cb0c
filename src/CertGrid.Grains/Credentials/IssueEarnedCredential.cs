using CertGrid.Abstractions.Credentials;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// A credential someone earned (a pass, an overturned appeal, a renewal) is built, signed and stored under the id chosen
/// when it was earned; issuing the same id again returns the stored credential. A holder erased before it could be
/// issued gets none: there is nobody to issue it to, and issuing it would bring their name and email back.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.issue-earned-credential")]
public sealed record IssueEarnedCredential([property: Id(0)] string CredentialId, [property: Id(1)] IssueCredential Command) : Effect
{
    public override string Receiver => $"credential:{CredentialId}";

    public override Task ApplyAsync(EffectContext context) =>
        ErasedHolders.UnlessErasedAsync(context, Command.LearnerId, $"Issuing credential {CredentialId}", () =>
            context.Grains.Credential(context.Community, CredentialId).IssueAsync(Command));
}
