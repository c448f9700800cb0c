using System.Globalization;

namespace CertGrid.Benchmarks.Scale;

/// <summary>The community's size, from <c>--name value</c> arguments (defaults: the scale CertGrid promises).</summary>
/// <param name="Checkpoints">Learner counts at which every per-community grain's stored size is read back (ascending; the last is the total).</param>
/// <param name="OpenAttempts">Attempts submitted (and left under review) at each checkpoint, so panels and deadlines are open too.</param>
public sealed record ScaleOptions(IReadOnlyList<int> Checkpoints, int Evaluators, int Cohorts, int OpenAttempts, int InFlight, string Storage)
{
    public int Learners => Checkpoints[^1];

    public static ScaleOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var checkpoints = values.TryGetValue("checkpoints", out var c) ? c.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList() : [10_000, 100_000];
        var options = new ScaleOptions(checkpoints, Int("evaluators", 2_000), Int("cohorts", 200), Int("open-attempts", 500), Int("in-flight", 32),
            Environment.GetEnvironmentVariable("CERTGRID_BENCH_STORAGE") is { Length: > 0 } storage ? storage : "UseDevelopmentStorage=true");
        return checkpoints.Count == 0 || checkpoints.Zip(checkpoints.Skip(1)).Any(p => p.Second <= p.First) || options.Cohorts < 1 || options.Evaluators < 2
            ? throw new ArgumentException("--checkpoints must be ascending; --cohorts >= 1; --evaluators >= 2.")
            : options;
    }
}
