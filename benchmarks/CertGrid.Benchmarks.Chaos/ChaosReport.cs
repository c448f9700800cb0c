using System.Globalization;
using System.Text;

namespace CertGrid.Benchmarks.Chaos;

/// <summary>The benchmark's figures as Markdown: the two phases side by side, then each fault with how long clients saw errors after it.</summary>
public static class ChaosReport
{
    public static string Markdown(PhaseFigures baseline, PhaseFigures chaos)
    {
        var phases = new[] { baseline, chaos };
        var text = new StringBuilder();
        text.AppendLine("| | baseline (no faults) | chaos (kill + rolling restart) |");
        text.AppendLine("|---|---|---|");
        Row(text, "load duration", phases, p => $"{p.LoadDuration.TotalSeconds:0} s");
        Row(text, "flows started / credentials issued", phases, p => $"{p.Flows} / {p.Credentials} ({p.Credentials / p.LoadDuration.TotalMinutes:0.0}/min)");
        Row(text, "requests (retries included)", phases, p => $"{p.Outcomes.Count} ({p.Outcomes.Count / p.LoadDuration.TotalSeconds:0.0}/s)");
        Row(text, "failed requests, by code", phases, p => Failures(p) is { Length: > 0 } failures ? failures : "none");
        Row(text, "request latency p50 / p95 / p99 / max", phases, p => Latencies(p.Outcomes.Select(o => o.Took).ToList()));
        Row(text, "**lost writes** (acknowledged, then missing or changed)", phases, p => $"**{Count(p, "LOST")}**");
        Row(text, "duplicates / wrong verifications / audit problems", phases, p => $"{Count(p, "DUPLICATE")} / {Count(p, "VERIFICATION")} / {Count(p, "AUDIT")}");
        Row(text, "other problems (flows abandoned, writes unlisted after 60 s, ...)", phases,
            p => (p.Problems.Count - Count(p, "LOST") - Count(p, "DUPLICATE") - Count(p, "VERIFICATION") - Count(p, "AUDIT")).ToString(CultureInfo.InvariantCulture));
        Row(text, "read-model lag p50 / p95 / p99 / max (acknowledged → listed)", phases, p => Latencies(p.Lags));
        Row(text, "acknowledged credentials not found yet by the admin's next change (issuing retried by the outbox)", phases,
            p => p.NotYetIssued.Count == 0 ? "none" : $"{p.NotYetIssued.Count}, found after {Latencies(p.NotYetIssued)}");
        Row(text, "every acknowledged write listed, after the load stopped", phases, p => $"{p.ListedAfterStop.TotalSeconds:0.0} s");
        text.AppendLine();
        text.AppendLine("| fault (chaos phase) | at | clients saw errors until |");
        text.AppendLine("|---|---|---|");
        for (var i = 0; i < chaos.Events.Count; i++)
        {
            var (from, until) = (chaos.Events[i].At, i + 1 < chaos.Events.Count ? chaos.Events[i + 1].At : chaos.LoadDuration);
            var lastFailure = chaos.Outcomes.Where(o => o.At >= from && o.At < until && o.Code != "OK").Select(o => (TimeSpan?)o.At).Max();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {chaos.Events[i].What} | {from:mm\\:ss} | {(lastFailure is { } last ? $"+{(last - from).TotalSeconds:0.0} s" : "no errors")} |");
        }

        foreach (var problem in chaos.Problems.Concat(baseline.Problems).Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {problem}");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, PhaseFigures[] phases, Func<PhaseFigures, string> value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value(phases[0])} | {value(phases[1])} |");

    private static int Count(PhaseFigures phase, string kind) => phase.Problems.Count(p => p.StartsWith(kind, StringComparison.Ordinal));

    private static string Failures(PhaseFigures phase) => string.Join(", ", phase.Outcomes.Where(o => o.Code != "OK")
        .GroupBy(o => $"{o.Operation} {o.Code}").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}"));

    private static string Latencies(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return "–";
        }

        var sorted = values.Order().ToList();
        string At(double share) => Seconds(sorted[Math.Min(sorted.Count - 1, (int)(share * sorted.Count))]);
        return $"{At(0.50)} / {At(0.95)} / {At(0.99)} / {Seconds(sorted[^1])}";
    }

    private static string Seconds(TimeSpan value) => value < TimeSpan.FromSeconds(1)
        ? $"{value.TotalMilliseconds:0} ms"
        : $"{value.TotalSeconds:0.0} s";
}
