using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Resources;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Resources;

[GenerateSerializer, Alias("certgrid.state.resource-library")]
public sealed class ResourceLibraryState : DurableState
{
    [Id(0)] public Dictionary<string, Resource> Resources { get; set; } = [];

    /// <summary>File resources whose upload is not committed yet.</summary>
    [Id(1)] public Dictionary<string, PendingUpload> Pending { get; set; } = [];
}
