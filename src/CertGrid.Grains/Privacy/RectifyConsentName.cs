using CertGrid.Abstractions.Consents;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>A rectified name reaches the learner's talent profile.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.rectify-consent-name")]
public sealed record RectifyConsentName([property: Id(0)] string LearnerId, [property: Id(1)] string Name) : Effect
{
    public override string Receiver => $"rectification:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.LearnerConsents(context.Community, LearnerId).RectifyNameAsync(Name);
}
