using CertGrid.Abstractions.Calibration;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Quality;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Calibration;

/// <summary>
/// A community's calibration policy, exercises, results and drift evidence; see <see cref="ICalibrationGrain"/>. The
/// evaluators' records grow with the pool (a few KB each: a 200-evaluator pool passed Azure Table's 1 MB row), so they live
/// in a blob (<see cref="CalibrationTallies"/>) written every <see cref="FoldEvery"/> entries; each result or decision is
/// stored first in the grain's row and counted in memory, and an activation counts the row's entries again (once each).
/// </summary>
public sealed class CalibrationGrain(
    [PersistentState("calibration", StorageNames.GrainStore)] IPersistentState<CalibrationState> state,
    [PersistentState("calibration-tallies", StorageNames.BlobGrainStore)] IPersistentState<CalibrationTallies> tallies)
    : DurableGrain<CalibrationState>(state), ICalibrationGrain
{
    /// <summary>The entries stored in the row before the tallies are written whole.</summary>
    public const int FoldEvery = 50;

    private const int MaximumExercises = 200;

    protected override string Community => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (!tallies.RecordExists && (State.Evaluators.Count > 0 || State.RecentAttempts.Count > 0))
        {
            tallies.State = new CalibrationTallies { Evaluators = State.Evaluators, RecentEntries = State.RecentAttempts }; // the older layout
        }

        foreach (var entry in State.Unfolded)
        {
            tallies.State.Apply(entry, State.Policy);
        }
    }

    public async Task<CalibrationPolicy> SetPolicyAsync(CalibrationPolicy policy, string actor)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CalibrationExercises.RequireValid(policy);
        State.Policy = policy;
        await SaveAsync(AuditEvent(actor, "calibration.policy-set", Community, policy));
        return policy;
    }

    public Task<CalibrationPolicy> GetPolicyAsync() => Task.FromResult(State.Policy);

    public async Task<CalibrationExercise> PublishAsync(string exerciseId, PublishCalibrationExercise command, string actor)
    {
        ArgumentNullException.ThrowIfNull(command);
        var listed = State.Listed.Any(e => e.Id == exerciseId) || State.Exercises.Any(e => e.Id == exerciseId);
        if (!listed && State.Listed.Count + State.Exercises.Count >= MaximumExercises)
        {
            throw CertGridException.Policy($"A community keeps at most {MaximumExercises} calibration exercises.");
        }

        // The exercise grain stores it and, as an effect of that write, lists it here (ListExerciseAsync interleaves).
        return State.Exercises.FirstOrDefault(e => e.Id == exerciseId) ?? await GrainFactory.CalibrationExercise(Community, exerciseId).PublishAsync(command, actor);
    }

    public async Task ListExerciseAsync(string exerciseId, DateTimeOffset publishedAt)
    {
        if (State.Listed.Any(e => e.Id == exerciseId))
        {
            return;
        }

        State.Listed.Add(new ListedExercise(exerciseId, publishedAt));
        await SaveAsync();
    }

    public async Task<IReadOnlyList<CalibrationExercise>> ListExercisesAsync(bool withReference)
    {
        var newest = State.Listed.OrderByDescending(e => e.PublishedAt).Take(ICalibrationGrain.ExercisesListed).ToList();
        var exercises = await Task.WhenAll(newest.Select(e => GrainFactory.CalibrationExercise(Community, e.Id).GetAsync()));
        return exercises.Concat(State.Exercises).OrderByDescending(e => e.PublishedAt).Take(ICalibrationGrain.ExercisesListed)
            .Select(e => withReference ? e : e.Blind()).ToList();
    }

    public async Task<CalibrationResult> SubmitAsync(string evaluatorId, string exerciseId, IReadOnlyList<CalibrationScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var exercise = State.Exercises.FirstOrDefault(e => e.Id == exerciseId) ?? await GrainFactory.CalibrationExercise(Community, exerciseId).GetAsync();
        _ = await GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community).GetAsync(evaluatorId);
        var result = CalibrationExercises.Score(exercise, evaluatorId, scores, State.Policy, Now);

        return await AnsweringAsync(result, () => CountAsync([new ResultScored(result, $"{evaluatorId}:{Guid.NewGuid():N}")], AuditEvent(Actors.Evaluator(evaluatorId), "calibration.scored", exerciseId, new
        {
            evaluatorId, result.Passed, result.Exact, result.Adjacent, result.QuadraticKappa, result.MeanGap, result.Ratings,
        })));
    }

    public Task RecordDecisionsAsync(IReadOnlyList<DecidedAttemptReviews> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        return CountAsync(decisions.Select(d => new DecisionCounted(d.AttemptId, d.At, d.Discussed, d.Reviews)).ToList());
    }

    public Task<IReadOnlyList<EvaluatorCalibration>> ListEvaluatorsAsync() => Task.FromResult<IReadOnlyList<EvaluatorCalibration>>(
        tallies.State.Evaluators.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => View(e.Key, e.Value)).ToList());

    public Task<CalibrationSelection> GetSelectionAsync() => Task.FromResult(new CalibrationSelection(State.Policy,
        tallies.State.Evaluators.ToDictionary(e => e.Key, e => Standing(e.Value), StringComparer.Ordinal)));

    private EvaluatorCalibration View(string evaluatorId, EvaluatorCalibrationRecord record)
    {
        var latest = record.Results.Count > 0 ? record.Results[^1] : null;
        var since = record.Levels.Where(l => latest is null || l.At >= latest.At).TakeLast(State.Policy.DriftWindow).ToList();
        double? agreement = since.Count == 0 ? null : Math.Round(since.Count(l => l.Matched) / (double)since.Count, 4);
        return new EvaluatorCalibration(evaluatorId, Standing(record), record.Results.ToList(), since.Count, agreement, record.Discussions, record.DisagreedWithDecision);
    }

    private CalibrationStanding Standing(EvaluatorCalibrationRecord record) => CalibrationRules.Standing(
        record.Results.Count > 0 ? record.Results[^1] : null, record.Levels.Select(l => (l.At, l.Matched)).ToList(), State.Policy);

    /// <summary>
    /// Stores the entries not counted yet in the row (one write), counts them, and folds the tallies into their blob when
    /// the row holds enough.
    /// </summary>
    private async Task CountAsync(IReadOnlyList<CalibrationEntry> entries, params AuditEvent[] events)
    {
        var fresh = entries.DistinctBy(e => e.Id).Where(entry => !tallies.State.HasCounted(entry.Id) && State.Unfolded.All(e => e.Id != entry.Id)).ToList();
        if (fresh.Count > 0)
        {
            State.Unfolded.AddRange(fresh);
            await SaveAsync(events);
            foreach (var entry in fresh)
            {
                tallies.State.Apply(entry, State.Policy);
            }
        }

        if (State.Unfolded.Count >= FoldEvery)
        {
            await tallies.WriteStateAsync();
            State.Unfolded.Clear();
            State.Evaluators = new(StringComparer.Ordinal);
            State.RecentAttempts = [];
            await SaveAsync();
        }
    }
}
