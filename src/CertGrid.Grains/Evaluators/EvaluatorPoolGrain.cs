using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Evaluators;

/// <summary>
/// A community's evaluators and the panels of undecided attempts and appeals. Being the single place that assigns, it
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
            Expertise = Expertise(command.Expertise),
            Languages = Languages(command.Languages),
            MaxActiveAssignments = Capacity(command.MaxActiveAssignments == 0 ? DefaultMaxActiveAssignments : command.MaxActiveAssignments),
            RegisteredAt = Now,
        };
        if (command.LinkedLearnerId is not null)
        {
            var learnerId = EntityId.Require(command.LinkedLearnerId, IdPrefixes.Learner, "input.linkedLearnerId");
            _ = await GrainFactory.Learner(Community, learnerId).GetAsync();
            record.LinkedLearnerId = learnerId;
        }

        State.Evaluators[evaluatorId] = record;
        await SaveAsync(AuditEvent(actor, "evaluator.registered", evaluatorId, new { record.Name, record.Organisation, record.Expertise, record.Languages, record.LinkedLearnerId }));
        return ToProfile(evaluatorId, record);
    }

    public Task<EvaluatorProfile> GetAsync(string evaluatorId) => Task.FromResult(ToProfile(evaluatorId, Require(evaluatorId)));

    public Task<IReadOnlyList<EvaluatorProfile>> ListAsync()
    {
        IReadOnlyList<EvaluatorProfile> list = State.Evaluators
            .OrderBy(e => e.Value.RegisteredAt)
            .Select(e => ToProfile(e.Key, e.Value))
            .ToList();
        return Task.FromResult(list);
    }

    public async Task<IReadOnlyList<EvaluatorAssignment>> EnsurePanelAsync(string attemptId, AssessedParty learner, int panelSize) =>
        (await AssignPanelAsync(new PanelRequest(attemptId, learner, ConflictContext.Standard with { ExcludeSameOrganisation = false },
            PanelRequirements.None(Now), panelSize, AllowPartial: false))).Added;

    public async Task<PanelStaffing> AssignPanelAsync(PanelRequest request)
    {
        var staffing = Staff(request);
        if (staffing.Added.Count > 0)
        {
            await SaveAsync();
        }

        return staffing;
    }

    public async Task<PanelStaffing> ReleaseSeatAsync(string evaluatorId, SeatRelease why, PanelRequest refill)
    {
        if (State.Panels.TryGetValue(refill.PanelId, out var panel) && panel.Remove(evaluatorId) && State.Evaluators.TryGetValue(evaluatorId, out var record))
        {
            if (why == SeatRelease.Overdue)
            {
                record.OverdueReviews++;
            }
            else
            {
                record.Recusals++;
            }
        }

        var staffing = Staff(refill with { AllowPartial = true });
        await SaveAsync();
        return staffing;
    }

    public async Task ReleasePanelAsync(string attemptId)
    {
        if (State.Panels.Remove(attemptId))
        {
            await SaveAsync();
        }
    }

    public async Task<EvaluatorProfile> UpdateAsync(string evaluatorId, UpdateEvaluator command, string actor)
    {
        var record = Require(evaluatorId);
        var organisation = command.Organisation is null ? record.Organisation : InputRules.OptionalText(command.Organisation, "input.organisation", InputRules.NameMaxLength);
        var expertise = command.Expertise is null ? record.Expertise : Expertise(command.Expertise);
        var languages = command.Languages is null ? record.Languages : Languages(command.Languages);
        var capacity = command.MaxActiveAssignments is { } max ? Capacity(max) : record.MaxActiveAssignments;
        (record.Organisation, record.Expertise, record.Languages, record.MaxActiveAssignments) = (organisation, expertise, languages, capacity);
        await SaveAsync(AuditEvent(actor, "evaluator.updated", evaluatorId, new { organisation, expertise, languages, maxActiveAssignments = capacity }));
        return ToProfile(evaluatorId, record);
    }

    public async Task<EvaluatorProfile> SetActiveAsync(string evaluatorId, bool active, string? reason, string actor)
    {
        var record = Require(evaluatorId);
        var why = active ? InputRules.OptionalText(reason, "reason", 1000) : InputRules.RequireText(reason, "reason", 1000);
        if (record.Active != active || record.InactiveReason != (active ? null : why))
        {
            record.Active = active;
            record.InactiveReason = active ? null : why;
            await SaveAsync(AuditEvent(actor, active ? "evaluator.activated" : "evaluator.deactivated", evaluatorId, new { reason = why }));
        }

        return ToProfile(evaluatorId, record);
    }

    public async Task<EvaluatorProfile> SetAvailabilityAsync(string evaluatorId, DateTimeOffset? unavailableUntil, string actor)
    {
        var record = Require(evaluatorId);
        if (unavailableUntil is { } until && until > Now.AddDays(730))
        {
            throw CertGridException.Invalid("unavailableUntil", "'unavailableUntil' can be at most two years ahead; deactivate the evaluator instead.");
        }

        record.UnavailableUntil = unavailableUntil is { } u && u > Now ? u : null;
        await SaveAsync(AuditEvent(actor, "evaluator.availability-set", evaluatorId, new { unavailableUntil = record.UnavailableUntil }));
        return ToProfile(evaluatorId, record);
    }

    /// <summary>Fills the panel as far as the request allows; mutates state only when it adds someone (the caller saves).</summary>
    private PanelStaffing Staff(PanelRequest request)
    {
        var panel = State.Panels.GetValueOrDefault(request.PanelId) ?? [];
        var missing = request.PanelSize - panel.Count;
        if (missing <= 0)
        {
            return new PanelStaffing([], panel.ToList(), string.Empty);
        }

        var load = ActiveLoad();
        var candidates = State.Evaluators.Select(e => Candidate(e.Key, e.Value, load.GetValueOrDefault(e.Key))).ToList();
        var organisations = panel.Select(id => State.Evaluators.GetValueOrDefault(id)?.Organisation).OfType<string>().ToList();
        var pick = EvaluatorSelection.Pick(candidates, request.Learner, request.Conflicts, request.Requirements, panel, organisations, missing, Random.Shared);
        if (pick.Picked.Count < missing && !request.AllowPartial)
        {
            throw CertGridException.Policy(
                $"The evaluator pool has {pick.Picked.Count} eligible, independent evaluator(s) with capacity for this panel, and {missing} are needed. " +
                $"Passed over: {pick.Summary()}. Register more evaluators, widen their expertise or capacity, then try again.");
        }

        if (pick.Picked.Count > 0)
        {
            State.Panels[request.PanelId] = [.. panel, .. pick.Picked.Select(p => p.EvaluatorId)];
        }

        return new PanelStaffing(pick.Picked, State.Panels.GetValueOrDefault(request.PanelId)?.ToList() ?? [], pick.Summary());
    }

    private static EvaluatorCandidate Candidate(string id, EvaluatorRecord e, int load) => new(
        id, e.Email, e.Organisation, e.LinkedLearnerId, load, e.MaxActiveAssignments, e.Active, e.Expertise, e.Languages, e.UnavailableUntil, e.OverdueReviews);

    private EvaluatorRecord Require(string evaluatorId) =>
        State.Evaluators.GetValueOrDefault(evaluatorId) ?? throw CertGridException.NotFound("Evaluator", evaluatorId);

    private static List<string> Expertise(IReadOnlyList<string>? codes) =>
        InputRules.RequireCount(codes ?? [], "input.expertise", 0, 100).Select((code, i) => RubricRules.RequireCode(code, $"input.expertise[{i}]")).Distinct().ToList();

    private static List<string> Languages(IReadOnlyList<string>? tags) =>
        InputRules.RequireCount(tags ?? [], "input.languages", 0, 20).Select((tag, i) => AssessmentPolicyRules.RequireLanguage(tag, $"input.languages[{i}]")).Distinct().ToList();

    private static int Capacity(int max) => InputRules.RequireRange(max, "input.maxActiveAssignments", 1, 500);

    private Dictionary<string, int> ActiveLoad() =>
        State.Panels.Values.SelectMany(ids => ids).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    private EvaluatorProfile ToProfile(string id, EvaluatorRecord record) => new(
        id, record.Name, record.Email, record.Organisation, record.Expertise, record.LinkedLearnerId, record.MaxActiveAssignments,
        State.Panels.Where(p => p.Value.Contains(id)).Select(p => p.Key).ToList(), record.Active, record.RegisteredAt,
        record.Languages, record.UnavailableUntil, record.OverdueReviews, record.Recusals, record.InactiveReason);
}
