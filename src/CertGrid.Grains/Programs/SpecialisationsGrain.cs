using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Programs;

/// <summary>A community's specialisations (shared core plus tracks), checked against the framework's current version.</summary>
public sealed class SpecialisationsGrain(
    [PersistentState("specialisations", StorageNames.GrainStore)] IPersistentState<SpecialisationsState> state)
    : DurableGrain<SpecialisationsState>(state), ISpecialisationsGrain
{
    public const int MaxSpecialisations = 100;

    protected override string Community => this.GetPrimaryKeyString();

    public async Task<Specialisation> DefineAsync(Specialisation specialisation, string actor)
    {
        var id = EntityId.Require(specialisation.Id, IdPrefixes.Specialisation, "input.id");
        var frameworkId = EntityId.Require(specialisation.FrameworkId, IdPrefixes.Framework, "input.frameworkId");
        var framework = await GrainFactory.Framework(Community, frameworkId).GetAsync();
        var validated = SpecialisationRules.Validate(specialisation with { Id = id, FrameworkId = frameworkId },
            framework.Competencies.Select(c => c.Code).ToHashSet(StringComparer.Ordinal));
        var created = !State.Specialisations.ContainsKey(id);
        if (created && State.Specialisations.Count >= MaxSpecialisations)
        {
            throw CertGridException.Policy($"A community has at most {MaxSpecialisations} specialisations.");
        }

        State.Specialisations[id] = validated;
        return await SaveAnsweringAsync(validated, AuditEvent(actor, created ? "specialisation.defined" : "specialisation.revised", id, new
        {
            validated.Name, validated.FrameworkId, core = validated.CoreCompetencyCodes, tracks = validated.Tracks.Select(t => new { t.Code, t.CompetencyCodes }),
        }));
    }

    public Task<Specialisation> GetAsync(string specialisationId) => Task.FromResult(
        State.Specialisations.GetValueOrDefault(specialisationId) ?? throw CertGridException.NotFound("Specialisation", specialisationId));

    public Task<IReadOnlyList<Specialisation>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Specialisation>>(State.Specialisations.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList());
}
