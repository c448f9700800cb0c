using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Cohorts;
using CertGrid.Grains.Governance;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Progress;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Cohorts;

/// <summary>
/// A cohort: learners going through a set of credentials together between two dates, with assessment windows and
/// mentors. Progress and statistics come from the cohort progress read model (one row per member), so reading a
/// cohort of <see cref="MaxMembers"/> learners never calls their grains: a page is one range query, statistics
/// one scan of at most <see cref="MaxMembers"/> rows.
/// </summary>
public sealed class CohortGrain(
    [PersistentState("cohort", StorageNames.GrainStore)] IPersistentState<CohortState> state,
    StorageClients storage)
    : DurableGrain<CohortState>(state), ICohortGrain
{
    public const int MaxMembers = 5000;
    public const int MaxMentors = 100;

    private readonly ReadModelTable _progress = storage.ReadModel(storage.Names.ProgressTable);

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
            _ = await GrainFactory.CredentialDefinition(Community, id).GetAsync();
        }

        var windows = AssessmentWindowRules.Validate(command.Windows, new CohortFacts(Key.Id, name, command.StartsOn, command.EndsOn, definitions, []), "input.windows");
        State.Name = name;
        State.StartsOn = command.StartsOn;
        State.EndsOn = command.EndsOn;
        State.DefinitionIds = definitions;
        State.Windows = windows;
        State.CreatedAt = Now;
        await SaveAsync(AuditEvent(actor, "cohort.created", Key.Id, new { name, command.StartsOn, command.EndsOn, definitions, windows }));
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

        // Every learner must exist (NOT_FOUND otherwise); asked all at once, not one after another.
        await Task.WhenAll(ids.Select(id => GrainFactory.Learner(Community, id).GetAsync()));
        if (ids.Count > 0)
        {
            State.MemberIds.AddRange(ids);
            Cause(ids.Select(id => new RecordCohortOnLearner(id, Key.Id)));
            await SaveAsync(AuditEvent(actor, "cohort.members-added", Key.Id, new { learnerIds = ids }));
        }

        return ToInfo();
    }

    public async Task<CohortInfo> SetWindowsAsync(IReadOnlyList<AssessmentWindow> windows, string actor)
    {
        RequireExists();
        State.Windows = AssessmentWindowRules.Validate(windows, ToInfo().ToFacts(), "input.windows");
        await SaveAsync(AuditEvent(actor, "cohort.windows-set", Key.Id, new { windows = State.Windows }));
        return ToInfo();
    }

    public async Task<CohortInfo> AddMentorsAsync(IReadOnlyList<string> mentors, string actor)
    {
        RequireExists();
        var added = new List<string>();
        foreach (var (mentor, i) in InputRules.RequireCount(mentors, "input.mentors", 1, 20).Select((m, i) => (m, i)))
        {
            var person = await PersonIdentities.ResolveAsync(GrainFactory, Community, mentor, $"input.mentors[{i}]");
            if (!State.Mentors.Contains(person.Person) && !added.Contains(person.Person))
            {
                added.Add(person.Person);
            }
        }

        if (State.Mentors.Count + added.Count > MaxMentors)
        {
            throw CertGridException.Policy($"A cohort has at most {MaxMentors} mentors.");
        }

        if (added.Count > 0)
        {
            State.Mentors.AddRange(added);
            await SaveAsync(AuditEvent(actor, "cohort.mentors-added", Key.Id, new { mentors = added }));
        }

        return ToInfo();
    }

    public Task<CohortInfo> GetAsync()
    {
        RequireExists();
        return Task.FromResult(ToInfo());
    }

    public Task<Page<CohortMemberProgress>> GetProgressAsync(PageRequest page)
    {
        RequireExists();
        return _progress.PageAsync<CohortMemberRow, CohortMemberProgress>(Community, CohortMemberRow.CohortPrefix(Key.Id), page, row => row.ToProgress(State.DefinitionIds));
    }

    public async Task<CohortStatistics> GetStatisticsAsync()
    {
        RequireExists();
        var members = new List<(DateTimeOffset, IReadOnlyList<MemberCredential>)>();
        await foreach (var row in _progress.ScanAsync<CohortMemberRow>(Community, CohortMemberRow.CohortPrefix(Key.Id)))
        {
            var progress = row.ToProgress(State.DefinitionIds);
            members.Add((progress.JoinedAt, progress.Credentials));
        }

        return CohortStatisticsRules.Compute(ToInfo().ToFacts().Start, State.DefinitionIds, members);
    }

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Cohort", Key.Id);
        }
    }

    private CohortInfo ToInfo() => new(Key.Id, State.Name, State.StartsOn, State.EndsOn, State.DefinitionIds, State.MemberIds, State.CreatedAt,
        State.Windows, State.Mentors);
}
