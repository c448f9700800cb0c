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
/// <para>
/// Nothing here is rewritten whole: each evaluator's profile is kept and audited by their own <see cref="EvaluatorGrain"/>
/// (the roster is loaded from the evaluators read model on activation and kept current from what those grains answer),
/// and each open panel is one row of its own (<see cref="PanelLedger"/>), so staffing or releasing a panel writes one
/// small row however many evaluators and panels the community has. The grain state only holds what the pool stored
/// before (every evaluator and panel in one row), handed over on activation and then stored empty.
/// </para>
/// </summary>
public sealed class EvaluatorPoolGrain(
    [PersistentState("evaluators", StorageNames.GrainStore)] IPersistentState<EvaluatorPoolState> state,
    StorageClients storage)
    : DurableGrain<EvaluatorPoolState>(state), IEvaluatorPoolGrain
{
    public const int DefaultMaxActiveAssignments = 10;

    private readonly Dictionary<string, EvaluatorProfile> _roster = new(StringComparer.Ordinal);
    private PanelLedger _panels = null!;

    protected override string Community => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        await foreach (var row in storage.ReadModel(storage.Names.EvaluatorsTable).ScanAsync<EvaluatorRow>(Community, EvaluatorRow.Prefix, cancellationToken))
        {
            var profile = row.ToProfile();
            _roster[profile.Id] = profile;
        }

        _panels = new PanelLedger(storage, Community);
        await _panels.LoadAsync();
        if (State.Evaluators.Count > 0 || State.Panels.Count > 0)
        {
            foreach (var (id, record) in State.Evaluators)
            {
                _roster[id] = await Evaluator(id).ImportAsync(record.ToProfile(id, []));
            }

            foreach (var (panelId, members) in State.Panels.Where(p => !_panels.Contains(p.Key)))
            {
                await _panels.SetAsync(panelId, members);
            }

            State.Evaluators.Clear();
            State.Panels.Clear();
            await SaveAsync();
        }
    }

    public async Task<EvaluatorProfile> RegisterAsync(string evaluatorId, RegisterEvaluator command, string actor)
    {
        if (_roster.ContainsKey(evaluatorId))
        {
            throw CertGridException.Conflict($"Evaluator '{evaluatorId}' is already registered.");
        }

        var email = InputRules.RequireEmail(command.Email, "input.email");
        if (_roster.Values.Any(e => e.Email == email))
        {
            throw CertGridException.Conflict($"An evaluator with email '{email}' is already registered.");
        }

        var registration = new RegisterEvaluator(
            InputRules.RequireText(command.Name, "input.name"),
            email,
            InputRules.OptionalText(command.Organisation, "input.organisation", InputRules.NameMaxLength),
            Expertise(command.Expertise),
            null,
            Capacity(command.MaxActiveAssignments == 0 ? DefaultMaxActiveAssignments : command.MaxActiveAssignments),
            Languages(command.Languages));
        if (command.LinkedLearnerId is not null)
        {
            var learnerId = EntityId.Require(command.LinkedLearnerId, IdPrefixes.Learner, "input.linkedLearnerId");
            _ = await GrainFactory.Learner(Community, learnerId).GetAsync();
            registration = registration with { LinkedLearnerId = learnerId };
        }

        return WithPanels(_roster[evaluatorId] = await Evaluator(evaluatorId).RegisterAsync(registration, actor));
    }

    public async Task<EvaluatorProfile> GetAsync(string evaluatorId) => WithPanels(await RequireAsync(evaluatorId));

    public Task<IReadOnlyList<EvaluatorProfile>> ListAsync() =>
        Task.FromResult<IReadOnlyList<EvaluatorProfile>>(_roster.Values.OrderBy(e => e.RegisteredAt).Select(WithPanels).ToList());

    public async Task<IReadOnlyList<EvaluatorAssignment>> EnsurePanelAsync(string attemptId, AssessedParty learner, int panelSize) =>
        (await AssignPanelAsync(new PanelRequest(attemptId, learner, ConflictContext.Standard with { ExcludeSameOrganisation = false },
            PanelRequirements.None(Now), panelSize, AllowPartial: false))).Added;

    public async Task<PanelStaffing> AssignPanelAsync(PanelRequest request)
    {
        var (staffing, members) = Staff(request, _panels.Members(request.PanelId));
        if (staffing.Added.Count > 0)
        {
            await StoreAsync(() => _panels.SetAsync(request.PanelId, members));
        }

        return staffing;
    }

    public async Task<PanelStaffing> ReleaseSeatAsync(string evaluatorId, SeatRelease why, PanelRequest refill)
    {
        var members = _panels.Members(refill.PanelId).ToList();
        if (members.Remove(evaluatorId) && _roster.ContainsKey(evaluatorId))
        {
            // Counted once per panel by the evaluator, so a retry after the panel's row failed to store counts nothing twice.
            _roster[evaluatorId] = await Evaluator(evaluatorId).CountSeatReleaseAsync(refill.PanelId, why);
        }

        var (staffing, staffed) = Staff(refill with { AllowPartial = true }, members);
        await StoreAsync(() => _panels.SetAsync(refill.PanelId, staffed));
        return staffing;
    }

    public async Task ReleasePanelsAsync(IReadOnlyList<string> panelIds)
    {
        var open = panelIds.Where(_panels.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (open.Count > 0)
        {
            await StoreAsync(() => _panels.RemoveAsync(open));
        }
    }

    public async Task<EvaluatorProfile> UpdateAsync(string evaluatorId, UpdateEvaluator command, string actor)
    {
        var record = await RequireAsync(evaluatorId);
        var change = new UpdateEvaluator(
            command.Organisation is null ? record.Organisation : InputRules.OptionalText(command.Organisation, "input.organisation", InputRules.NameMaxLength),
            command.Expertise is null ? record.Expertise : Expertise(command.Expertise),
            command.Languages is null ? record.Languages ?? [] : Languages(command.Languages),
            command.MaxActiveAssignments is { } max ? Capacity(max) : record.MaxActiveAssignments);
        return WithPanels(_roster[evaluatorId] = await Evaluator(evaluatorId).UpdateAsync(change, actor));
    }

    public async Task<EvaluatorProfile> SetActiveAsync(string evaluatorId, bool active, string? reason, string actor)
    {
        _ = await RequireAsync(evaluatorId);
        var why = active ? InputRules.OptionalText(reason, "reason", 1000) : InputRules.RequireText(reason, "reason", 1000);
        return WithPanels(_roster[evaluatorId] = await Evaluator(evaluatorId).SetActiveAsync(active, why, actor));
    }

    public async Task<EvaluatorProfile> SetAvailabilityAsync(string evaluatorId, DateTimeOffset? unavailableUntil, string actor)
    {
        _ = await RequireAsync(evaluatorId);
        if (unavailableUntil is { } until && until > Now.AddDays(730))
        {
            throw CertGridException.Invalid("unavailableUntil", "'unavailableUntil' can be at most two years ahead; deactivate the evaluator instead.");
        }

        var effective = unavailableUntil is { } u && u > Now ? u : (DateTimeOffset?)null;
        return WithPanels(_roster[evaluatorId] = await Evaluator(evaluatorId).SetAvailabilityAsync(effective, actor));
    }

    /// <summary>Fills the panel as far as the request allows; returns the staffing and the panel's members afterwards (nothing is stored here).</summary>
    private (PanelStaffing Staffing, IReadOnlyList<string> Members) Staff(PanelRequest request, IReadOnlyList<string> panel)
    {
        var missing = request.PanelSize - panel.Count;
        if (missing <= 0)
        {
            return (new PanelStaffing([], panel.ToList(), string.Empty), panel);
        }

        // A seat this call takes off the panel is not stored yet, but no longer counts against its evaluator.
        var stored = _panels.Members(request.PanelId);
        var candidates = _roster.Values.Select(e => Candidate(e, _panels.Load(e.Id) - (stored.Contains(e.Id) && !panel.Contains(e.Id) ? 1 : 0))
            with { Calibration = request.CalibrationStandings?.GetValueOrDefault(e.Id) }).ToList();
        var organisations = panel.Select(id => _roster.GetValueOrDefault(id)?.Organisation).OfType<string>().ToList();
        var pick = EvaluatorSelection.Pick(candidates, request.Learner, request.Conflicts, request.Requirements, panel, organisations, missing, Random.Shared);
        if (pick.Picked.Count < missing && !request.AllowPartial)
        {
            throw CertGridException.Policy(
                $"The evaluator pool has {pick.Picked.Count} eligible, independent evaluator(s) with capacity for this panel, and {missing} are needed. " +
                $"Passed over: {pick.Summary()}. Register more evaluators, widen their expertise or capacity, then try again.");
        }

        IReadOnlyList<string> members = [.. panel, .. pick.Picked.Select(p => p.EvaluatorId)];
        return (new PanelStaffing(pick.Picked, members.ToList(), pick.Summary()), members);
    }

    private static EvaluatorCandidate Candidate(EvaluatorProfile e, int load) => new(
        e.Id, e.Email, e.Organisation, e.LinkedLearnerId, load, e.MaxActiveAssignments, e.Active, e.Expertise, e.Languages ?? [], e.UnavailableUntil, e.OverdueReviews);

    /// <summary>The evaluator from the roster, or from their grain when the read model has not caught up with them yet; NOT_FOUND otherwise.</summary>
    private async Task<EvaluatorProfile> RequireAsync(string evaluatorId)
    {
        if (_roster.TryGetValue(evaluatorId, out var profile))
        {
            return profile;
        }

        var found = await Evaluator(evaluatorId).FindAsync() ?? throw CertGridException.NotFound("Evaluator", evaluatorId);
        return _roster[evaluatorId] = found;
    }

    /// <summary>Writes a panel's row; if storage fails the activation is discarded, so it reloads what was stored.</summary>
    private async Task StoreAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception ex)
        {
            DeactivateOnIdle();
            Logger.LogError(ex, "Storing a panel of {Community} failed; the activation will reload from storage", Community);
            throw new CertGridException(ErrorCode.Unavailable,
                "Storage did not confirm the change, so it may not have been saved. Check the current state and try again.");
        }
    }

    private IEvaluatorGrain Evaluator(string evaluatorId) => GrainFactory.Evaluator(Community, evaluatorId);

    private static List<string> Expertise(IReadOnlyList<string>? codes) =>
        InputRules.RequireCount(codes ?? [], "input.expertise", 0, 100).Select((code, i) => RubricRules.RequireCode(code, $"input.expertise[{i}]")).Distinct().ToList();

    private static List<string> Languages(IReadOnlyList<string>? tags) =>
        InputRules.RequireCount(tags ?? [], "input.languages", 0, 20).Select((tag, i) => AssessmentPolicyRules.RequireLanguage(tag, $"input.languages[{i}]")).Distinct().ToList();

    private static int Capacity(int max) => InputRules.RequireRange(max, "input.maxActiveAssignments", 1, 500);

    private EvaluatorProfile WithPanels(EvaluatorProfile profile) => profile with { ActiveAttemptIds = _panels.PanelsOf(profile.Id) };
}
