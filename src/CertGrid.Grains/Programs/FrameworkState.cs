using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Programs;

[GenerateSerializer, Alias("certgrid.state.framework")]
public sealed class FrameworkState : DurableState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string? Description { get; set; }
    [Id(2)] public string Version { get; set; } = "1.0.0";
    [Id(3)] public PublicationStatus Status { get; set; }
    [Id(4)] public List<Competency> Competencies { get; set; } = [];
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public DateTimeOffset? PublishedAt { get; set; }
}
