using System.Globalization;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>The benchmark's settings, from <c>--name value</c> arguments.</summary>
/// <param name="ExistingPoints">Credentials the community holds before each measurement of the cost per issuance (ascending).</param>
/// <param name="Concurrency">Decisions in flight at once in the throughput runs, one run per value (0: no throughput runs).</param>
/// <param name="Decisions">Deciding reviews per throughput run.</param>
/// <param name="Metered">Decisions made one at a time, with their storage requests counted, at each point.</param>
/// <param name="Evaluators">Evaluators in the community's pool.</param>
/// <param name="BaselineSeconds">Length of each raw-upsert baseline run.</param>
/// <param name="RequestCosts">Requests sent per kind when measuring what one request costs Azurite (0: not measured).</param>
/// <param name="DirectBeyond">Existing credentials past this many are issued directly (<see cref="DirectFill"/>), not through attempts and reviews.</param>
public sealed record IssuanceOptions(
    IReadOnlyList<int> ExistingPoints, IReadOnlyList<int> Concurrency, int Decisions, int Metered, int Evaluators, int BaselineSeconds, int SeedInFlight,
    int DirectBeyond, int RequestCosts, string Storage)
{
    public static IssuanceOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        IReadOnlyList<int> Ints(string name, int[] fallback) => values.TryGetValue(name, out var v)
            ? v.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList()
            : fallback;
        var options = new IssuanceOptions(Ints("existing", [1000]), Ints("concurrency", [8, 16]), Int("decisions", 1000), Int("metered", 40),
            Int("evaluators", 40), Int("baseline-seconds", 15), Int("seed-in-flight", 16), Int("direct-beyond", int.MaxValue), Int("request-costs", 3000),
            Environment.GetEnvironmentVariable("CERTGRID_BENCH_STORAGE") is { Length: > 0 } storage ? storage : "UseDevelopmentStorage=true");
        return options.ExistingPoints.Zip(options.ExistingPoints.Skip(1)).Any(p => p.Second < p.First) || options.Evaluators < 2 || options.Metered < 1
            ? throw new ArgumentException("--existing must be ascending; --evaluators >= 2; --metered >= 1.")
            : options;
    }
}
