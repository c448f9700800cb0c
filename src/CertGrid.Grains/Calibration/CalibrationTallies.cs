using CertGrid.Domain.Quality;

namespace CertGrid.Grains.Calibration;

/// <summary>
/// The part of a community's calibration that grows with its evaluators (a bounded record per evaluator), kept in a blob
/// and folded from the calibration grain's row every <see cref="CalibrationGrain.FoldEvery"/> entries.
/// </summary>
[GenerateSerializer, Alias("certgrid.state.calibration-tallies")]
public sealed class CalibrationTallies
{
    /// <summary>How many recent entries are remembered to count a replayed one once.</summary>
    public const int RememberedEntries = 2_000;

    public const int KeptResults = 20;

    [Id(0)] public Dictionary<string, EvaluatorCalibrationRecord> Evaluators { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public List<string> RecentEntries { get; set; } = [];

    public bool HasCounted(string entryId) => RecentEntries.Contains(entryId);

    /// <summary>Counts the entry unless it was counted already.</summary>
    public void Apply(CalibrationEntry entry, CalibrationPolicy policy)
    {
        if (HasCounted(entry.Id))
        {
            return;
        }

        switch (entry)
        {
            case DecisionCounted decision:
                Count(decision, policy);
                break;
            case ResultScored scored:
                var record = Record(scored.Result.EvaluatorId);
                record.Results.Add(scored.Result);
                record.Levels.Clear(); // drift is judged on the levels given since the latest exercise
                if (record.Results.Count > KeptResults)
                {
                    record.Results.RemoveAt(0);
                }

                break;
        }

        RecentEntries.Add(entry.Id);
        if (RecentEntries.Count > RememberedEntries * 2)
        {
            RecentEntries.RemoveRange(0, RecentEntries.Count - RememberedEntries);
        }
    }

    public EvaluatorCalibrationRecord Record(string evaluatorId) =>
        Evaluators.TryGetValue(evaluatorId, out var record) ? record : Evaluators[evaluatorId] = new EvaluatorCalibrationRecord();

    private void Count(DecisionCounted decision, CalibrationPolicy policy)
    {
        foreach (var review in decision.Reviews)
        {
            var record = Record(review.EvaluatorId);
            record.Levels.AddRange(review.LevelsMatched.Select(m => new LevelCheck(decision.At, m)));
            if (record.Levels.Count > policy.DriftWindow * 2)
            {
                record.Levels.RemoveRange(0, record.Levels.Count - policy.DriftWindow);
            }

            record.Discussions += decision.Discussed ? 1 : 0;
            record.DisagreedWithDecision += review.DisagreedWithDecision ? 1 : 0;
        }
    }
}
