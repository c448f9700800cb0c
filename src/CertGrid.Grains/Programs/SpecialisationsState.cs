using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Programs;

[GenerateSerializer, Alias("certgrid.state.specialisations")]
public sealed class SpecialisationsState : DurableState
{
    [Id(0)] public Dictionary<string, Specialisation> Specialisations { get; set; } = [];
}
