using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Evaluators;

/// <summary>Typed references to the Evaluators grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class EvaluatorGrainReferences
{
    /// <summary>One evaluator's profile and counts (only the community's pool calls it).</summary>
    public static IEvaluatorGrain Evaluator(this IGrainFactory grains, string community, string evaluatorId) =>
        grains.InCommunity<IEvaluatorGrain>(community, evaluatorId);
}
