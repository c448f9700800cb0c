using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Analytics;

/// <summary>
/// An evaluator's running deviations from the rest of their panels (count, sum and sum of squares), enough for the
/// severity estimate without keeping each review; plus their review and overdue counts (evaluator load).
/// </summary>
[GenerateSerializer, Alias("certgrid.deviation-tally")]
public sealed class DeviationTally
{
    [Id(0)] public int Count { get; set; }

    [Id(1)] public double Sum { get; set; }

    [Id(2)] public double SumOfSquares { get; set; }

    [Id(3)] public int Reviews { get; set; }

    [Id(4)] public int Overdue { get; set; }

    public void AddDeviation(double deviation)
    {
        Count++;
        Sum += deviation;
        SumOfSquares += deviation * deviation;
    }

    public void AddFrom(DeviationTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count += other.Count;
        Sum += other.Sum;
        SumOfSquares += other.SumOfSquares;
        Reviews += other.Reviews;
        Overdue += other.Overdue;
    }

    public SeverityEstimate Severity(string evaluatorId, SeveritySettings settings)
    {
        var mean = Count == 0 ? 0 : Sum / Count;
        var variance = Count < 2 ? 0 : (SumOfSquares - Count * mean * mean) / (Count - 1);
        return EvaluatorSeverity.Assess(evaluatorId, Count, mean, variance, settings);
    }
}
