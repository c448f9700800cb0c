using CertGrid.Abstractions.Calibration;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Quality;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Calibration;

/// <summary>A community's calibration policy, exercises, results and drift evidence; see <see cref="ICalibrationGrain"/>.</summary>
public sealed class CalibrationGrain(
    [PersistentState("calibration", StorageNames.GrainStore)] IPersistentState<CalibrationState> state)
    : DurableGrain<CalibrationState>(state), ICalibrationGrain
{
    private const int MaximumExercises = 200;
    private const int RememberedAttempts = 2_000;
    private const int KeptResults = 20;

    protected override string Community => this.GetPrimaryKeyString();

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

        var record = Record(evaluatorId);
        record.Results.Add(result);
        record.Levels.Clear(); // drift is judged on the levels given since the latest exercise

        if (record.Results.Count > KeptResults)
        {
            record.Results.RemoveAt(0);
        }

        await SaveAsync(AuditEvent(Actors.Evaluator(evaluatorId), "calibration.scored", exerciseId, new
        {
            evaluatorId, result.Passed, result.Exact, result.Adjacent, result.QuadraticKappa, result.MeanGap, result.Ratings,
        }));
        return result;
    }

    public async Task RecordDecisionAsync(string attemptId, DateTimeOffset at, bool discussed, IReadOnlyList<ReviewAgainstDecision> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        if (State.RecentAttempts.Contains(attemptId))
        {
            return;
        }

        foreach (var review in reviews)
        {
            var record = Record(review.EvaluatorId);
            record.Levels.AddRange(review.LevelsMatched.Select(m => new LevelCheck(at, m)));
            if (record.Levels.Count > State.Policy.DriftWindow * 2)
            {
                record.Levels.RemoveRange(0, record.Levels.Count - State.Policy.DriftWindow);
            }

            record.Discussions += discussed ? 1 : 0;
            record.DisagreedWithDecision += review.DisagreedWithDecision ? 1 : 0;
        }

        State.RecentAttempts.Add(attemptId);
        if (State.RecentAttempts.Count > RememberedAttempts * 2)
        {
            State.RecentAttempts.RemoveRange(0, State.RecentAttempts.Count - RememberedAttempts);
        }

        await SaveAsync();
    }

    public Task<IReadOnlyList<EvaluatorCalibration>> ListEvaluatorsAsync() => Task.FromResult<IReadOnlyList<EvaluatorCalibration>>(
        State.Evaluators.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => View(e.Key, e.Value)).ToList());

    public Task<CalibrationSelection> GetSelectionAsync() => Task.FromResult(new CalibrationSelection(State.Policy,
        State.Evaluators.ToDictionary(e => e.Key, e => Standing(e.Value), StringComparer.Ordinal)));

    private EvaluatorCalibration View(string evaluatorId, EvaluatorCalibrationRecord record)
    {
        var latest = record.Results.Count > 0 ? record.Results[^1] : null;
        var since = record.Levels.Where(l => latest is null || l.At >= latest.At).TakeLast(State.Policy.DriftWindow).ToList();
        double? agreement = since.Count == 0 ? null : Math.Round(since.Count(l => l.Matched) / (double)since.Count, 4);
        return new EvaluatorCalibration(evaluatorId, Standing(record), record.Results.ToList(), since.Count, agreement, record.Discussions, record.DisagreedWithDecision);
    }

    private CalibrationStanding Standing(EvaluatorCalibrationRecord record) => CalibrationRules.Standing(
        record.Results.Count > 0 ? record.Results[^1] : null, record.Levels.Select(l => (l.At, l.Matched)).ToList(), State.Policy);

    private EvaluatorCalibrationRecord Record(string evaluatorId) =>
        State.Evaluators.TryGetValue(evaluatorId, out var record) ? record : State.Evaluators[evaluatorId] = new EvaluatorCalibrationRecord();
}
