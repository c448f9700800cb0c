using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Renewals;

/// <summary>A renewed credential links to the credential that replaces it; linking again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.mark-replaced")]
public sealed record MarkReplaced([property: Id(0)] string CredentialId, [property: Id(1)] string ReplacementId) : Effect
{
    public override string Receiver => $"credential:{CredentialId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Credential(context.Community, CredentialId).MarkReplacedAsync(ReplacementId, Actors.System);
}
