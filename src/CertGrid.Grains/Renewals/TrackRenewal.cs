using CertGrid.Abstractions.Renewals;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// An issued credential that expires registers its lifespan (and so its first deadline) with its renewal grain, under
/// the same id. Tracking a credential that is already tracked changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.track-renewal")]
public sealed record TrackRenewal([property: Id(0)] string CredentialId, [property: Id(1)] TrackCredential Command) : Effect
{
    public override string Receiver => $"renewal:{CredentialId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Renewal(context.Community, CredentialId).TrackAsync(Command);
}
