using CertGrid.Domain.Relationships;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Relationships;

[GenerateSerializer, Alias("certgrid.state.relationships")]
public sealed class RelationshipsState : DurableState
{
    [Id(0)] public List<Relationship> Relationships { get; set; } = [];

    /// <summary>Declarations and endings not yet stored on the other party's grain; delivered, then removed (retried until then).</summary>
    [Id(1)] public List<Relationship> Outbox { get; set; } = [];
}
