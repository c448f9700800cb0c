using CertGrid.Domain.Demographics;
using CertGrid.Domain.Quality;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Analytics;

[GenerateSerializer, Alias("certgrid.state.fairness-policy")]
public sealed class FairnessPolicyState : DurableState
{
    [Id(0)] public FairnessPolicy Policy { get; set; } = FairnessPolicy.Default;
    [Id(1)] public List<DemographicAttributeDefinition> Attributes { get; set; } = [];
}
