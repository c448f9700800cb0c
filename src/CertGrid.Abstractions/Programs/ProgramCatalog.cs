using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Programs;

/// <summary>One line of the catalog: a framework or credential definition, its name and status.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.catalog-entry")]
public sealed record CatalogEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] PublicationStatus Status,
    [property: Id(3)] CredentialTier? Tier);

/// <summary>A community's frameworks and credential definitions.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.program-catalog")]
public sealed record ProgramCatalog(
    [property: Id(0)] IReadOnlyList<CatalogEntry> Frameworks,
    [property: Id(1)] IReadOnlyList<CatalogEntry> Credentials);
