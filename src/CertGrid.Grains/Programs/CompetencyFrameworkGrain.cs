using CertGrid.Abstractions.Programs;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Programs;

/// <summary>A competency framework: editable while a draft, immutable once published.</summary>
public sealed class CompetencyFrameworkGrain(
    [PersistentState("framework", StorageNames.GrainStore)] IPersistentState<FrameworkState> state)
    : DurableGrain<FrameworkState>(state), ICompetencyFrameworkGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<FrameworkInfo> DefineAsync(DefineFramework command, string actor)
    {
        if (RecordExists && State.Status == PublicationStatus.Published)
        {
            throw CertGridException.Conflict($"Framework '{Key.Id}' is published and can no longer change.");
        }

        var name = InputRules.RequireText(command.Name, "input.name");
        var description = InputRules.OptionalText(command.Description, "input.description");
        var competencies = FrameworkRules.ValidateCompetencies(command.Competencies);
        var created = !RecordExists;

        State.Name = name;
        State.Description = description;
        State.Competencies = competencies;
        State.Status = PublicationStatus.Draft;
        if (created)
        {
            State.CreatedAt = Now;
        }

        await SaveAsync(AuditEvent(actor, created ? "framework.created" : "framework.revised", Key.Id,
            new { name, version = State.Version, competencies = competencies.Select(c => c.Code) }));
        return ToInfo();
    }

    public async Task<FrameworkInfo> PublishAsync(string actor)
    {
        RequireExists();
        if (State.Status != PublicationStatus.Published)
        {
            State.Status = PublicationStatus.Published;
            State.PublishedAt = Now;
            await SaveAsync(AuditEvent(actor, "framework.published", Key.Id, new { State.Name, version = State.Version }));
        }

        return ToInfo();
    }

    public Task<FrameworkInfo> GetAsync()
    {
        RequireExists();
        return Task.FromResult(ToInfo());
    }

    protected override Task ProjectAsync() =>
        GrainFactory.GetGrain<IProgramCatalogGrain>(Community).RecordFrameworkAsync(new CatalogEntry(Key.Id, State.Name, State.Status, null));

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Framework", Key.Id);
        }
    }

    private FrameworkInfo ToInfo() => new(
        Key.Id, State.Name, State.Description, State.Version, State.Status, State.Competencies, State.CreatedAt, State.PublishedAt);
}
