using System.Diagnostics;

namespace CertGrid.Benchmarks.Chaos;

/// <summary>A fault (or a step of one) and when it began, since the phase's load started.</summary>
public sealed record FaultEvent(string What, TimeSpan At);

/// <summary>What one phase measured: the load, every request's outcome, the faults, read-model lag and the final check.</summary>
public sealed record PhaseFigures(
    string Name, TimeSpan LoadDuration, int Flows, int Credentials, IReadOnlyList<RequestOutcome> Outcomes, IReadOnlyList<FaultEvent> Events,
    IReadOnlyList<TimeSpan> Lags, TimeSpan ListedAfterStop, int MissingFromLists, IReadOnlyList<string> Problems, int Abandoned, IReadOnlyList<TimeSpan> NotYetIssued);

/// <summary>
/// One phase of the benchmark on a running cluster: a new community, the fault test's certification flows for as long
/// as <c>faults</c> runs (it injects the faults, or just waits), then the fault test's check of every acknowledged write.
/// </summary>
public static class ChaosPhase
{
    public static async Task<PhaseFigures> RunAsync(string name, ProcessCluster cluster, int workers, Func<Func<string, FaultEvent>, Task> faults)
    {
        var clock = new Stopwatch();
        var client = new RetryingClient(new HttpClient { BaseAddress = cluster.PublicBaseUrl, Timeout = TimeSpan.FromSeconds(90) }, clock);
        var program = await CertificationProgram.SetUpAsync(new GraphQlClient(client.Http));
        clock.Start();
        var events = new List<FaultEvent>();
        await using var workload = CertificationWorkload.Start(program, client, clock, workers);
        await using var watcher = ReadModelWatcher.Start(client, program.AdminKey, clock, workload.Flows);
        await faults(what =>
        {
            var happened = new FaultEvent(what, clock.Elapsed);
            events.Add(happened);
            Console.WriteLine($"  {happened.At:mm\\:ss} {what} ({workload.CredentialsAcknowledged} credentials so far)");
            return happened;
        });
        await workload.StopAsync();
        var loadDuration = clock.Elapsed;
        Console.WriteLine($"  {loadDuration:mm\\:ss} load stopped after {workload.Flows.Count} flows; checking every acknowledged write ...");
        var (listedAfter, missing) = await watcher.WaitUntilListedAsync(TimeSpan.FromSeconds(60));
        var flows = workload.Flows.ToList();
        var problems = await AcknowledgedWritesCheck.RunAsync(client, program, flows, watcher.Last);
        return new PhaseFigures(name, loadDuration, flows.Count, flows.Count(f => f.CredentialId is not null),
            [.. client.Outcomes.Where(o => o.At <= loadDuration)], events, [.. watcher.Lags], listedAfter, missing.Count,
            [.. problems, .. missing.Select(m => $"UNLISTED after 60 s: {m}"), .. workload.Abandoned.Select(a => $"ABANDONED: {a}")], workload.Abandoned.Count,
            [.. workload.NotYetIssued]);
    }
}
