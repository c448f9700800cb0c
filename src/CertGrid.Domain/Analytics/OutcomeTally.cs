using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Analytics;

/// <summary>
/// A running count of one group's decided outcomes: passed, total, and how many scores fell on each whole percentage
/// (0..100), which is enough for the pass rate, the four-fifths comparison and the score distribution.
/// </summary>
[GenerateSerializer, Alias("certgrid.outcome-tally")]
public sealed class OutcomeTally
{
    [Id(0)] public int Passed { get; set; }

    [Id(1)] public int Total { get; set; }

    [Id(2)] public int[] Scores { get; set; } = new int[101];

    public void Add(double percent, bool passed)
    {
        Total++;
        Passed += passed ? 1 : 0;
        Scores[(int)Math.Round(Math.Clamp(percent, 0, 100))]++;
    }

    /// <summary>Takes back one outcome counted with <see cref="Add"/> (a decision whose learner was erased moves elsewhere).</summary>
    public void Remove(double percent, bool passed)
    {
        var bucket = (int)Math.Round(Math.Clamp(percent, 0, 100));
        Total = Math.Max(0, Total - 1);
        Passed = Math.Max(0, Passed - (passed ? 1 : 0));
        Scores[bucket] = Math.Max(0, Scores[bucket] - 1);
    }

    public void AddFrom(OutcomeTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Passed += other.Passed;
        Total += other.Total;
        for (var i = 0; i < Scores.Length; i++)
        {
            Scores[i] += other.Scores[i];
        }
    }

    /// <summary>The distribution of the scores, to the whole percentage they were counted at.</summary>
    public ScoreDistribution? Distribution() =>
        ScoreDistribution.Of(Scores.SelectMany((count, percent) => Enumerable.Repeat((double)percent, count)).ToList());
}
