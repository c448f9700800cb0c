using CertGrid.Abstractions.Programs;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Programs;

/// <summary>The community's catalog of frameworks and credentials, kept current by their grains.</summary>
public sealed class ProgramCatalogGrain(
    [PersistentState("catalog", StorageNames.GrainStore)] IPersistentState<ProgramCatalogState> state)
    : DurableGrain<ProgramCatalogState>(state), IProgramCatalogGrain
{
    protected override string Community => this.GetPrimaryKeyString();

    public Task RecordFrameworkAsync(CatalogEntry entry) => RecordAsync(State.Frameworks, entry);

    public Task RecordCredentialAsync(CatalogEntry entry) => RecordAsync(State.Credentials, entry);

    public Task<ProgramCatalog> GetAsync() => Task.FromResult(new ProgramCatalog(
        State.Frameworks.Values.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList(),
        State.Credentials.Values.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList()));

    private async Task RecordAsync(Dictionary<string, CatalogEntry> entries, CatalogEntry entry)
    {
        if (!entries.TryGetValue(entry.Id, out var existing) || existing != entry)
        {
            entries[entry.Id] = entry;
            await SaveAsync();
        }
    }
}
