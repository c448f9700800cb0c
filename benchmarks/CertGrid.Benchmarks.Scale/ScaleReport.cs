using System.Globalization;
using System.Text;

namespace CertGrid.Benchmarks.Scale;

/// <summary>Stored sizes at each checkpoint, in Markdown: the community's own grains (the largest row of each), its members' grains, and its table partitions.</summary>
public static class ScaleReport
{
    /// <summary>No per-community grain may be stored larger than this (the issue's bound; Azure Table's entity limit is 1 MiB).</summary>
    public const long Limit = 256 * 1024;

    /// <summary>Up to this many learners a checkpoint reads every row of the community; beyond, its own grains' rows only.</summary>
    public const int FullReadBackLearners = 20_000;

    public sealed record Checkpoint(int Learners, int OpenAttempts, Dictionary<string, StorageMeter.Rows> States, Dictionary<string, StorageMeter.Rows> Tables);

    /// <summary>Per-community grains that pass the limit or grew between the first and last checkpoint (beyond 1 KiB of noise).</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<Checkpoint> checkpoints)
    {
        var (first, last) = (checkpoints[0], checkpoints[^1]);
        return last.States.Where(s => s.Key.StartsWith("community ", StringComparison.Ordinal))
            .Where(s => s.Value.Largest > Limit || s.Value.Largest > first.States.GetValueOrDefault(s.Key, new StorageMeter.Rows(0, 0)).Largest + 1024)
            .Select(s => s.Key[10..])
            .ToList();
    }

    public static string Markdown(ScaleOptions options, IReadOnlyList<Checkpoint> checkpoints)
    {
        var md = new StringBuilder();
        void Table(string title, string rowName, IEnumerable<string> rows, Func<Checkpoint, string, string> cell)
        {
            md.AppendLine(title);
            md.AppendLine();
            md.AppendLine($"| {rowName} | {string.Join(" | ", checkpoints.Select(c => Inv($"{c.Learners:N0} learners")))} |");
            md.AppendLine($"|---|{string.Concat(checkpoints.Select(_ => "--:|"))}");
            foreach (var row in rows)
            {
                md.AppendLine($"| {row} | {string.Join(" | ", checkpoints.Select(c => cell(c, row)))} |");
            }

            md.AppendLine();
        }

        Table(Inv($"### The community's own grains: largest stored row in bytes ({options.Evaluators:N0} evaluators, {options.Cohorts} cohorts)"),
            "Grain state", Kinds(checkpoints, "community "), (c, state) => Size(c.States, "community " + state));
        Table("### Its members' grains: rows, and the largest row in bytes",
            "Grain state", Kinds(checkpoints, "member "), (c, state) => Count(c.States, "member " + state));
        Table("### Its partition of each table: rows, and the largest row in bytes",
            "Table", checkpoints.SelectMany(c => c.Tables.Keys).Distinct().Order(StringComparer.Ordinal), (c, table) => Count(c.Tables, table));
        md.AppendLine(Inv($"Members' grains and table partitions are read up to {FullReadBackLearners:N0} learners (–: not read); the community's own grains at every checkpoint. The first {Population.JoinedLearners:N0} learners join cohorts."));
        md.AppendLine(Inv($"Open attempts at each checkpoint: {string.Join(", ", checkpoints.Select(c => c.OpenAttempts.ToString("N0", CultureInfo.InvariantCulture)))}."));
        var problems = Problems(checkpoints);
        md.AppendLine(problems.Count == 0
            ? Inv($"No per-community grain grew with the learners or passed {Limit / 1024} KiB.")
            : $"**Grew with the learners or passed {Limit / 1024} KiB: {string.Join(", ", problems)}.**");
        return md.ToString();
    }

    private static IEnumerable<string> Kinds(IReadOnlyList<Checkpoint> checkpoints, string prefix) =>
        checkpoints.SelectMany(c => c.States.Keys).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).Distinct().Order(StringComparer.Ordinal);

    private static string Size(Dictionary<string, StorageMeter.Rows> rows, string key) =>
        rows.TryGetValue(key, out var r) ? Inv($"{r.Largest:N0}") : "–";

    private static string Count(Dictionary<string, StorageMeter.Rows> rows, string key) =>
        rows.TryGetValue(key, out var r) && r.Count > 0 ? Inv($"{r.Count:N0} ({r.Largest:N0})") : "–";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
