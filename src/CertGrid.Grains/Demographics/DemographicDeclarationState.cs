using CertGrid.Domain.Demographics;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Demographics;

[GenerateSerializer, Alias("certgrid.state.demographic-declaration")]
public sealed class DemographicDeclarationState : DurableState
{
    [Id(0)] public List<DeclaredValue> Values { get; set; } = [];
}
