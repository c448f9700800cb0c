using System.Diagnostics;
using System.Globalization;
using CertGrid.Benchmarks.Chaos;

// Issue 14's chaos benchmark: three silo processes and a gateway on Azurite and Redis, certification flows driven by
// clients that retry under their Idempotency-Key. Phase 1 (chaos): one silo killed with SIGKILL and started again,
// then a rolling restart of every silo. Phase 2 (baseline): the same load, as long, without faults, on the same
// cluster. Each phase ends with the fault test's check of every acknowledged write. Run it with benchmarks/chaos.sh.
var gap = TimeSpan.FromSeconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30);
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var started = DateTime.UtcNow;
var total = Stopwatch.StartNew();
Console.WriteLine($"Chaos benchmark: {workers} concurrent flows, {gap.TotalSeconds:0} s of load between faults. Starting three silos and a gateway ...");
await using var cluster = await ProcessCluster.StartAsync(silos: 3);

Console.WriteLine("Warm-up (not measured) ...");
await ChaosPhase.RunAsync("warm-up", cluster, workers, _ => Task.Delay(TimeSpan.FromSeconds(20)));

Console.WriteLine("Phase 1, chaos: a silo killed and started again, then every silo restarted in turn ...");
var chaos = await ChaosPhase.RunAsync("chaos", cluster, workers, async fault =>
{
    await Task.Delay(gap);
    fault("silo 0 killed (SIGKILL)");
    await cluster.KillSiloAsync(0);
    await Task.Delay(gap);
    fault("silo 0 starting again");
    await cluster.StartSiloAsync(0);
    fault("silo 0 ready");
    for (var silo = 0; silo < cluster.SiloCount; silo++)
    {
        await Task.Delay(gap);
        fault($"rolling restart: silo {silo} stopping (SIGTERM)");
        await cluster.RestartSiloAsync(silo);
        fault($"rolling restart: silo {silo} ready");
    }

    await Task.Delay(gap);
});

Console.WriteLine($"Phase 2, baseline: the same load for {chaos.LoadDuration.TotalSeconds:0} s without faults ...");
var baseline = await ChaosPhase.RunAsync("baseline", cluster, workers, _ => Task.Delay(chaos.LoadDuration));

var report = ChaosReport.Markdown(baseline, chaos) +
    $"\nRun {started:yyyy-MM-dd HH:mm} UTC, {total.Elapsed.TotalMinutes:0.0} min, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg")[..14]}; " +
    $"`benchmarks/chaos.sh {gap.TotalSeconds:0} {workers}`.\n";
Console.WriteLine();
Console.WriteLine(report);
var results = Path.Combine(Environment.CurrentDirectory, "benchmarks", "results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, $"chaos-{started:yyyyMMdd'T'HHmmss'Z'}.md"), report);
return chaos.Problems.Concat(baseline.Problems).Any(p => p.StartsWith("LOST", StringComparison.Ordinal)) ? 1 : 0;
