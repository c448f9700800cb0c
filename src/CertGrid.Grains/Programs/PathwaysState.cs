using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Programs;

[GenerateSerializer, Alias("certgrid.state.pathways")]
public sealed class PathwaysState : DurableState
{
    [Id(0)] public Dictionary<string, Pathway> Pathways { get; set; } = [];
}
