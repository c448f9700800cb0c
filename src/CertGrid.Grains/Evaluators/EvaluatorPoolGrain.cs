using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Evaluators;

/// <summary>
/// A community's evaluators and the panels of undecided attempts. Being the single place that assigns, it
/// never over-commits an evaluator, and an assignment is either fully made and stored or not made at all.
/// </summary>
public sealed class EvaluatorPoolGrain(
    [PersistentState("evaluators", StorageNames.GrainStore)] IPersistentState<EvaluatorPoolState> state)
    : DurableGrain<EvaluatorPoolState>(state), IEvaluatorPoolGrain
{
    public const int DefaultMaxActiveAssignments = 10;

    protected override string Community => this.GetPrimaryKeyString();

    public async Task<EvaluatorProfile> RegisterAsync(string evaluatorId, RegisterEvaluator command, string actor)
    {
        if (State.Evaluators.ContainsKey(evaluatorId))
        {
            throw CertGridException.Conflict($"Evaluator '{evaluatorId}' is already registered.");
        }

        var email = InputRules.RequireEmail(command.Email, "input.email");
        if (State.Evaluators.Values.Any(e => e.Email == email))
        {
            throw CertGridException.Conflict($"An evaluator with email '{email}' is already registered.");
        }

        var record = new EvaluatorRecord
        {
            Name = InputRules.RequireText(command.Name, "input.name"),
            Email = email,
            Organisation = InputRules.OptionalText(command.Organisation, "input.organisation", InputRules.NameMaxLength),
            Expertise = InputRules.RequireCount(command.Expertise ?? [], "input.expertise", 0, 100)
                .Select((code, i) => RubricRules.RequireCode(code, $"input.expertise[{i}]")).Distinct().ToList(),
            MaxActiveAssignments = InputRules.RequireRange(
                command.MaxActiveAssignments == 0 ? DefaultMaxActiveAssignments : command.MaxActiveAssignments, "input.maxActiveAssignments", 1, 500),
            RegisteredAt = Now,
        };
        if (command.LinkedLearnerId is not null)
        {
            var learnerId = EntityId.Require(command.LinkedLearnerId, IdPrefixes.Learner, "input.linkedLearnerId");
            _ = await GrainFactory.GetGrain<ILearnerGrain>(new ScopedKey(Community, learnerId).ToString()).GetAsync();
            record.LinkedLearnerId = learnerId;
        }

        State.Evaluators[evaluatorId] = record;
        await SaveAsync(AuditEvent(actor, "evaluator.registered", evaluatorId, new { record.Name, record.Organisation, record.Expertise, record.LinkedLearnerId }));
        return ToProfile(evaluatorId, record);
    }

    public Task<EvaluatorProfile> GetAsync(string evaluatorId) =>
        State.Evaluators.TryGetValue(evaluatorId, out var record)
            ? Task.FromResult(ToProfile(evaluatorId, record))
            : throw CertGridException.NotFound("Evaluator", evaluatorId);

    public Task<IReadOnlyList<EvaluatorProfile>> ListAsync()
    {
        IReadOnlyList<EvaluatorProfile> list = State.Evaluators
            .OrderBy(e => e.Value.RegisteredAt)
            .Select(e => ToProfile(e.Key, e.Value))
            .ToList();
        return Task.FromResult(list);
    }

    public async Task<IReadOnlyList<EvaluatorAssignment>> EnsurePanelAsync(string attemptId, AssessedParty learner, int panelSize)
    {
        var panel = State.Panels.GetValueOrDefault(attemptId) ?? [];
        var missing = panelSize - panel.Count;
        if (missing <= 0)
        {
            return [];
        }

        var load = ActiveLoad();
        var candidates = State.Evaluators
            .Select(e => new EvaluatorCandidate(e.Key, e.Value.Email, e.Value.Organisation, e.Value.LinkedLearnerId,
                load.GetValueOrDefault(e.Key), e.Value.MaxActiveAssignments, e.Value.Active))
            .ToList();
        var organisations = panel.Select(id => State.Evaluators[id].Organisation).OfType<string>().ToList();
        var picked = EvaluatorSelection.Pick(candidates, learner, panel, organisations, missing, Random.Shared);
        if (picked.Count < missing)
        {
            throw CertGridException.Policy(
                $"The evaluator pool has {picked.Count} independent evaluator(s) with capacity for this attempt, and {missing} more are needed. " +
                "Register more evaluators or raise their capacity, then try again.");
        }

        State.Panels[attemptId] = [.. panel, .. picked.Select(p => p.EvaluatorId)];
        await SaveAsync();
        return picked;
    }

    public async Task ReleasePanelAsync(string attemptId)
    {
        if (State.Panels.Remove(attemptId))
        {
            await SaveAsync();
        }
    }

    private Dictionary<string, int> ActiveLoad() =>
        State.Panels.Values.SelectMany(ids => ids).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    private EvaluatorProfile ToProfile(string id, EvaluatorRecord record) => new(
        id, record.Name, record.Email, record.Organisation, record.Expertise, record.LinkedLearnerId, record.MaxActiveAssignments,
        State.Panels.Where(p => p.Value.Contains(id)).Select(p => p.Key).ToList(), record.Active, record.RegisteredAt);
}
