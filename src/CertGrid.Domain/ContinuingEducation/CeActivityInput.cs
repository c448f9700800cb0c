namespace CertGrid.Domain.ContinuingEducation;

/// <summary>What someone reports about an activity before it is checked.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.ce-activity-input")]
public sealed record CeActivityInput(
    [property: Id(0)] CeActivityKind Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] decimal Credits,
    [property: Id(3)] string Category,
    [property: Id(4)] DateOnly OccurredOn,
    [property: Id(5)] string? EvidenceArtifactId);
