using System.Globalization;
using System.Text;
using CertGrid.Abstractions.Credentials;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>The benchmark's tables in Markdown, and the verification of a sample of what it issued.</summary>
public static class IssuanceReport
{
    public sealed record Verification(int Checked, int Valid, int Failed);

    /// <summary>Verifies a random sample of the credentials through the public verifier (signature, status lists, dates).</summary>
    public static async Task<Verification> VerifySampleAsync(IGrainFactory grains, IReadOnlyList<string> credentialKeys, int count)
    {
        var sample = credentialKeys.OrderBy(_ => Random.Shared.Next()).Take(count).ToList();
        var valid = 0;
        foreach (var key in sample)
        {
            var credential = await grains.GetGrain<ICredentialGrain>(key).FindAsync();
            if (credential is { Jwt.Length: > 0 } && (await grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(credential.Jwt)).Valid)
            {
                valid++;
            }
        }

        return new Verification(sample.Count, valid, sample.Count - valid);
    }

    public static string Markdown(
        IssuanceOptions options, int issued, IReadOnlyList<IssuanceCost.Result> costs, IReadOnlyList<DecisionRun.Result> runs,
        IReadOnlyList<RawUpsertBaseline.Result> baselines, IReadOnlyList<AzuriteRequestCosts.Kind> requestCosts, Verification? verification,
        IReadOnlyDictionary<string, StorageMeter.Rows> states, ForgettingWrites.Result? collection = null,
        IReadOnlyList<RawUpsertBaseline.Result>? pathFloors = null)
    {
        var md = new StringBuilder();
        var verified = verification is null ? "not verified yet" : $"{verification.Valid} of {verification.Checked} sampled credentials verified valid";
        md.AppendLine(Inv($"### Throughput ({options.Evaluators} evaluators; {verified})"));
        md.AppendLine();
        md.AppendLine("| Decisions in flight | Credentials stored and signed | Issued/s | submitReview p50 ms | p99 ms | max ms | Raw upserts/s (entity bytes) | Ratio |");
        md.AppendLine("|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (run, baseline) in runs.Zip(baselines))
        {
            md.AppendLine(Inv($"| {run.Concurrency} | {run.Issued:N0} in {run.Seconds:0.0} s | **{run.PerSecond:0.0}** | {run.P50Ms:0.0} | {run.P99Ms:0.0} | {run.MaxMs:0.0} | {baseline.PerSecond:0.0} ({baseline.EntityBytes:N0}) | **{run.PerSecond / baseline.PerSecond:0.000}×** |"));
        }

        AppendPathFloors(md, baselines, pathFloors ?? []);
        AppendCpu(md, runs, baselines);
        AppendRequestsUnderLoad(md, runs);
        AppendRequestCosts(md, requestCosts);
        md.AppendLine();
        md.AppendLine("### Storage per issuance (deciding review until the credential is signed and storage is quiet; mean of decisions one at a time)");
        md.AppendLine();
        md.AppendLine("| Existing credentials | Requests | Writes | of them from decision to stored credential | eventual | KiB written |");
        md.AppendLine("|--:|--:|--:|--:|--:|--:|");
        foreach (var cost in costs)
        {
            md.AppendLine(Inv($"| {cost.Existing:N0} | {cost.Requests:0.0} | {cost.Writes:0.0} | **{cost.PathWrites:0.00}** | {cost.Writes - cost.PathWrites:0.0} | {cost.Bytes / 1024:0.0} |"));
        }

        md.AppendLine();
        md.AppendLine(Inv($"(From decision to stored credential: {string.Join(", ", IssuanceCost.CriticalPath.Order(StringComparer.Ordinal))}.)"));

        foreach (var cost in costs)
        {
            md.AppendLine();
            md.AppendLine(Inv($"By what was touched, at {cost.Existing:N0} existing credentials (mean per issuance):"));
            AppendTouched(md, cost.PerIssuance);
        }

        if (collection is not null)
        {
            md.AppendLine();
            md.AppendLine(Inv($"### Deferred: every activation collected as idle at the end ({collection.Seconds:0.0} s), per credential issued ({collection.Issued:N0})"));
            md.AppendLine();
            md.AppendLine(Inv($"What a grain that applied effects since its last write stores when collected (a small row saying how far, since 2026-12-06; its whole state before); not in the figures above. **{collection.Requests:0.00} requests**, {collection.Writes:0.00} writes per issuance. By what was touched:"));
            AppendTouched(md, collection.PerIssuance);
        }

        if (states.Count == 0)
        {
            return md.ToString();
        }

        md.AppendLine();
        md.AppendLine(Inv($"### Grain state at the end ({issued:N0} credentials): rows and the largest row per state"));
        md.AppendLine();
        md.AppendLine("| State | Rows | Largest row (bytes) |");
        md.AppendLine("|---|--:|--:|");
        foreach (var (name, rows) in states.OrderByDescending(s => s.Value.Largest))
        {
            md.AppendLine(Inv($"| {name} | {rows.Count:N0} | {rows.Largest:N0} |"));
        }

        return md.ToString();
    }

    /// <summary>
    /// Where the CPU went: per issuance and per raw upsert, in the benchmark's process (the silo, and the driver's few
    /// calls) and in Azurite, and how busy each was (cores). What the silo spends per issuance caps issuance on this
    /// machine whatever storage costs: at most <c>cores × 1000 / ms</c> per second.
    /// </summary>
    private static void AppendCpu(StringBuilder md, IReadOnlyList<DecisionRun.Result> runs, IReadOnlyList<RawUpsertBaseline.Result> baselines)
    {
        if (!runs.Any(r => r.Cpu is not null))
        {
            return;
        }

        md.AppendLine();
        md.AppendLine(Inv($"CPU ({Environment.ProcessorCount} cores; the benchmark's process holds the silo; cores = CPU-seconds per second of the run):"));
        md.AppendLine();
        md.AppendLine("| Decisions in flight | Silo ms CPU / issuance | Azurite ms CPU / issuance | Silo cores | Azurite cores | Issuances/s the silo's CPU allows | Raw upsert: Azurite ms CPU / upsert | Azurite cores |");
        md.AppendLine("|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (run, baseline) in runs.Zip(baselines))
        {
            if (run.Cpu is not { } cpu)
            {
                continue;
            }

            var (silo, azurite) = cpu.MsPer(run.Issued);
            var upsert = baseline.Cpu is { } b ? b.MsPer(baseline.Upserts).Azurite : double.NaN;
            var upsertCores = baseline.Cpu is { } c ? c.AzuriteCpuSeconds / c.Seconds : double.NaN;
            md.AppendLine(Inv($"| {run.Concurrency} | {silo:0.00} | {azurite:0.00} | {cpu.ProcessCpuSeconds / cpu.Seconds:0.00} | {cpu.AzuriteCpuSeconds / cpu.Seconds:0.00} | {Environment.ProcessorCount * 1000 / silo:0} | {upsert:0.000} | {upsertCores:0.00} |"));
        }
    }

    /// <summary>
    /// What the issue's own bound on the critical path (two writes from decision to stored credential) reaches against
    /// raw upserts when nothing else is done: no grain, signature, audit entry, read model, renewal or read.
    /// </summary>
    private static void AppendPathFloors(StringBuilder md, IReadOnlyList<RawUpsertBaseline.Result> baselines, IReadOnlyList<RawUpsertBaseline.Result> floors)
    {
        if (floors.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine("The path's two writes alone (the decision's and the signed credential's, of the sizes measured above, and nothing else an issuance needs), same Azurite, same number in flight:");
        md.AppendLine();
        md.AppendLine("| In flight | Sent as | Bytes per issuance | Issuances/s | p50 / p99 ms per request | ÷ raw upserts | Azurite ms CPU per issuance |");
        md.AppendLine("|--:|---|--:|--:|--:|--:|--:|");
        foreach (var floor in floors)
        {
            var baseline = baselines.First(b => b.Concurrency == floor.Concurrency);
            var how = floor.Requests.Count > 1 ? $"{floor.Requests.Count} upserts"
                : floor.UnitsPerRound == 1 ? "one table batch" : $"one table batch per {floor.UnitsPerRound} issuances";
            var azurite = floor.Cpu is { } cpu ? cpu.MsPer(floor.Upserts).Azurite : double.NaN;
            md.AppendLine(Inv($"| {floor.Concurrency} | {how} | {floor.EntityBytes:N0} | {floor.PerSecond:0.0} | {floor.P50Ms:0.0} / {floor.P99Ms:0.0} | **{floor.PerSecond / baseline.PerSecond:0.000}×** | {azurite:0.000} |"));
        }
    }

    /// <summary>Storage requests per issuance in each throughput run: with decisions in flight, writers that batch (audit, feed) can share a request.</summary>
    private static void AppendRequestsUnderLoad(StringBuilder md, IReadOnlyList<DecisionRun.Result> runs)
    {
        foreach (var run in runs.Where(r => r.RequestsPerIssuance.Count > 0))
        {
            md.AppendLine();
            var (requests, writes, kib) = (run.RequestsPerIssuance.Sum(t => t.Requests), run.RequestsPerIssuance.Sum(t => t.Writes), run.RequestsPerIssuance.Sum(t => t.Bytes) / 1024);
            md.AppendLine(Inv($"Storage per issuance with {run.Concurrency} decisions in flight (the whole run until storage was quiet, over {run.Issued:N0} issuances): **{requests:0.0} requests**, {writes:0.0} writes, {kib:0.0} KiB. By what was touched:"));
            AppendTouched(md, run.RequestsPerIssuance);
        }
    }

    private static void AppendTouched(StringBuilder md, IReadOnlyList<Touched> touched)
    {
        md.AppendLine();
        md.AppendLine("| Touched | Requests | Writes | Bytes |");
        md.AppendLine("|---|--:|--:|--:|");
        foreach (var t in touched)
        {
            md.AppendLine(Inv($"| {t.Label} | {t.Requests:0.00} | {t.Writes:0.00} | {t.Bytes:N0} |"));
        }
    }

    private static void AppendRequestCosts(StringBuilder md, IReadOnlyList<AzuriteRequestCosts.Kind> kinds)
    {
        if (kinds.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine("What one request costs Azurite (same Azurite, after the runs above; rows of ~700 bytes):");
        md.AppendLine();
        md.AppendLine("| Request | Requests/s | Azurite ms CPU / request | per row |");
        md.AppendLine("|---|--:|--:|--:|");
        foreach (var kind in kinds)
        {
            md.AppendLine(Inv($"| {kind.Name} | {kind.PerSecond:0} | {kind.AzuriteMsPerRequest:0.000} | {kind.AzuriteMsPerRow:0.000} |"));
        }
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
