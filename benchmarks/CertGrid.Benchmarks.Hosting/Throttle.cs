namespace CertGrid.Benchmarks.Hosting;

/// <summary>
/// Runs many idempotent calls with a bounded number in flight, retrying a failed call a few times (Azurite on a
/// busy machine sometimes answers a grain activation too late).
/// </summary>
public static class Throttle
{
    private const int Attempts = 5;

    public static int Retries => Volatile.Read(ref s_retries);

    private static int s_retries;

    public static Task RunAsync<T>(IEnumerable<T> items, int inFlight, Func<T, Task> call) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (item, cancellationToken) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await call(item);
                    return;
                }
                catch (Exception) when (attempt < Attempts)
                {
                    Interlocked.Increment(ref s_retries);
                    await Task.Delay(TimeSpan.FromSeconds(attempt * 2), cancellationToken);
                }
            }
        });
}
