using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Integrity;

/// <summary>Typed references to the Integrity grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class IntegrityGrainReferences
{
    /// <summary>One evaluator's divergence signal.</summary>
    public static IEvaluatorSignalsGrain EvaluatorSignals(this IGrainFactory grains, string community, string evaluatorId) =>
        grains.InCommunity<IEvaluatorSignalsGrain>(community, evaluatorId);
}
