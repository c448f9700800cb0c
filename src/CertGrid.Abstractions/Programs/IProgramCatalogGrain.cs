namespace CertGrid.Abstractions.Programs;

/// <summary>
/// The read model of a community's program: which frameworks and credentials exist. Kept up to date by the
/// framework and definition grains (a community has tens to hundreds of these, so one grain holds them).
/// Key: the community id.
/// </summary>
public interface IProgramCatalogGrain : IGrainWithStringKey
{
    Task RecordFrameworkAsync(CatalogEntry entry);

    Task RecordCredentialAsync(CatalogEntry entry);

    [ReadOnly]
    Task<ProgramCatalog> GetAsync();
}
