using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Recognition;

/// <summary>Typed references to the Recognition grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class RecognitionGrainReferences
{
    /// <summary>A person's contributions (<c>learner:…</c> or <c>evaluator:…</c>).</summary>
    public static IContributorGrain Contributor(this IGrainFactory grains, string community, string person) =>
        grains.InCommunity<IContributorGrain>(community, person);
}
