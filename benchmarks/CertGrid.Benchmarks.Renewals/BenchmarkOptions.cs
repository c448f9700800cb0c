using System.Globalization;

namespace CertGrid.Benchmarks.Renewals;

/// <summary>The benchmark's scale, from <c>--name value</c> arguments (defaults: the figures).</summary>
public sealed record BenchmarkOptions(
    int Credentials, int Communities, int Days, int DueOnOneDay, IReadOnlyList<int> BaselinePoints, TimeSpan BaselineWait, string Storage)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var points = values.TryGetValue("baseline", out var b)
            ? b.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList()
            : [1000, 20_000, 100_000];
        var options = new BenchmarkOptions(Int("credentials", 1_000_000), Int("communities", 100), Int("days", 1095), Int("due", 100_000), points,
            TimeSpan.FromMinutes(Int("baseline-wait", 10)),
            Environment.GetEnvironmentVariable("CERTGRID_BENCH_STORAGE") is { Length: > 0 } storage ? storage : "UseDevelopmentStorage=true");
        return options.DueOnOneDay > options.Credentials || options.Communities < 1 || options.Days < 2
            ? throw new ArgumentException("--due must not exceed --credentials; --communities >= 1; --days >= 2.")
            : options;
    }
}
