using CertGrid.Abstractions.Programs;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Programs;

[GenerateSerializer, Alias("certgrid.state.program-catalog")]
public sealed class ProgramCatalogState : DurableState
{
    [Id(0)] public Dictionary<string, CatalogEntry> Frameworks { get; set; } = [];
    [Id(1)] public Dictionary<string, CatalogEntry> Credentials { get; set; } = [];
}
