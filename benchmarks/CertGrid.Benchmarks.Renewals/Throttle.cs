namespace CertGrid.Benchmarks.Renewals;

/// <summary>Runs many calls with a bounded number in flight.</summary>
public static class Throttle
{
    public static Task RunAsync<T>(IEnumerable<T> items, int inFlight, Func<T, Task> call) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (item, _) => await call(item));
}
