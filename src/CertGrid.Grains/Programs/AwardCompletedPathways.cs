using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Programs;

/// <summary>
/// A newly issued credential awards what it completes (<see cref="PathwayAwards"/>): each award has a deterministic
/// id per learner and pathway, so awarding again changes nothing. Judged as of the issuance, after the credential's own
/// read-model rows were written (the awards cite them).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.award-completed-pathways")]
public sealed record AwardCompletedPathways([property: Id(0)] string LearnerId, [property: Id(1)] HeldCredential Issued) : Effect
{
    public override string Receiver => RefreshReadModels.ReceiverName;

    public override Task ApplyAsync(EffectContext context) =>
        new PathwayAwards(context.Grains, context.Services.GetRequiredService<StorageClients>(), context.Services.GetRequiredService<PublicRoutes>(), context.Community)
            .AwardAsync(LearnerId, Issued, context.CausedAt);
}
