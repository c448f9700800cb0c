using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Programs;

/// <summary>What an admin provides to define (or, while in draft, redefine) a competency framework.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.define-framework")]
public sealed record DefineFramework(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<Competency> Competencies);

/// <summary>A competency framework at its current version.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.framework-info")]
public sealed record FrameworkInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] string Version,
    [property: Id(4)] PublicationStatus Status,
    [property: Id(5)] IReadOnlyList<Competency> Competencies,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? PublishedAt);
