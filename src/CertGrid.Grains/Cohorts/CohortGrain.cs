using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Cohorts;

/// <summary>A cohort: learners going through a set of credentials together between two dates.</summary>
public sealed class CohortGrain(
    [PersistentState("cohort", StorageNames.GrainStore)] IPersistentState<CohortState> state)
    : DurableGrain<CohortState>(state), ICohortGrain
{
    public const int MaxMembers = 5000;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<CohortInfo> CreateAsync(CreateCohort command, string actor)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"Cohort '{Key.Id}' already exists.");
        }

        var name = InputRules.RequireText(command.Name, "input.name");
        if (command.EndsOn <= command.StartsOn)
        {
            throw CertGridException.Invalid("input.endsOn", "'input.endsOn' must be after 'input.startsOn'.");
        }

        var definitions = InputRules.RequireCount(command.DefinitionIds ?? [], "input.credentialIds", 0, 50)
            .Select((id, i) => EntityId.Require(id, IdPrefixes.CredentialDefinition, $"input.credentialIds[{i}]")).Distinct().ToList();
        foreach (var id in definitions)
        {
            _ = await GrainFactory.GetGrain<ICredentialDefinitionGrain>(new ScopedKey(Community, id).ToString()).GetAsync();
        }

        State.Name = name;
        State.StartsOn = command.StartsOn;
        State.EndsOn = command.EndsOn;
        State.DefinitionIds = definitions;
        State.CreatedAt = Now;
        await SaveAsync(AuditEvent(actor, "cohort.created", Key.Id, new { name, command.StartsOn, command.EndsOn, definitions }));
        return ToInfo();
    }

    public async Task<CohortInfo> AddMembersAsync(IReadOnlyList<string> learnerIds, string actor)
    {
        RequireExists();
        var ids = InputRules.RequireCount(learnerIds, "input.learnerIds", 1, 100)
            .Select((id, i) => EntityId.Require(id, IdPrefixes.Learner, $"input.learnerIds[{i}]")).Distinct()
            .Where(id => !State.MemberIds.Contains(id)).ToList();
        if (State.MemberIds.Count + ids.Count > MaxMembers)
        {
            throw CertGridException.Policy($"A cohort holds at most {MaxMembers} learners.");
        }

        foreach (var id in ids)
        {
            _ = await GrainFactory.GetGrain<ILearnerGrain>(new ScopedKey(Community, id).ToString()).GetAsync();
        }

        if (ids.Count > 0)
        {
            State.MemberIds.AddRange(ids);
            await SaveAsync(AuditEvent(actor, "cohort.members-added", Key.Id, new { learnerIds = ids }));
        }

        foreach (var id in ids)
        {
            await GrainFactory.GetGrain<ILearnerGrain>(new ScopedKey(Community, id).ToString()).RecordCohortAsync(Key.Id);
        }

        return ToInfo();
    }

    public Task<CohortInfo> GetAsync()
    {
        RequireExists();
        return Task.FromResult(ToInfo());
    }

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Cohort", Key.Id);
        }
    }

    private CohortInfo ToInfo() => new(Key.Id, State.Name, State.StartsOn, State.EndsOn, State.DefinitionIds, State.MemberIds, State.CreatedAt);
}
