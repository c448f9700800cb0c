using CertGrid.Domain.Relationships;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Relationships;

[GenerateSerializer, Alias("certgrid.state.relationships")]
public sealed class RelationshipsState : DurableState
{
    [Id(0)] public List<Relationship> Relationships { get; set; } = [];

    /// <summary>People erased since: relationships with them are kept without a note, also copies arriving late.</summary>
    [Id(1)] public HashSet<string> Erased { get; set; } = [];
}
