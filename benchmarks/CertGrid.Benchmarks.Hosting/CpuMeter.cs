using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CertGrid.Benchmarks.Hosting;

/// <summary>
/// CPU time (user + system) spent over a measured window by this process (the benchmark and its in-process silo) and by
/// the Azurite serving its storage, read from <c>/proc</c>. Tells a run bound by storage from one bound by the silo: on
/// a machine of N cores, a process cannot pass N CPU-seconds per second.
/// </summary>
public sealed partial class CpuMeter
{
    private const double ClockTicksPerSecond = 100; // USER_HZ, 100 on every Linux the benchmarks run on.

    private readonly int? _azuritePid;

    private CpuMeter(int? azuritePid) => _azuritePid = azuritePid;

    /// <summary>CPU seconds used in a window by this process and by Azurite (NaN when Azurite was not found).</summary>
    public sealed record Window(double Seconds, double ProcessCpuSeconds, double AzuriteCpuSeconds)
    {
        /// <summary>Milliseconds of CPU per unit of work (an issuance, an upsert) in this process and in Azurite.</summary>
        public (double Process, double Azurite) MsPer(double units) =>
            units <= 0 ? (double.NaN, double.NaN) : (ProcessCpuSeconds * 1000 / units, AzuriteCpuSeconds * 1000 / units);
    }

    /// <summary>Finds the Azurite serving the table endpoint of <paramref name="connectionString"/> (by its <c>--tablePort</c>).</summary>
    public static CpuMeter For(string connectionString)
    {
        var port = TablePort().Match(connectionString) is { Success: true } match ? match.Groups[1].Value : null;
        return new CpuMeter(port is null ? null : FindAzurite(port));
    }

    /// <summary>Starts a window; <see cref="Started.Stop"/> ends it and says what was used in it.</summary>
    public Started Start() => new(this, Stopwatch.StartNew(), OwnCpuSeconds(), AzuriteCpuSeconds());

    public sealed record Started(CpuMeter Meter, Stopwatch Clock, double Own, double Azurite)
    {
        public Window Stop() =>
            new(Clock.Elapsed.TotalSeconds, OwnCpuSeconds() - Own, Meter.AzuriteCpuSeconds() - Azurite);
    }

    private static double OwnCpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private double AzuriteCpuSeconds() => _azuritePid is { } pid ? ProcessCpuSeconds(pid) : double.NaN;

    private static double ProcessCpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); utime is field 14, stime field 15.
            return (double.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) +
                    double.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return double.NaN;
        }
    }

    private static int? FindAzurite(string tablePort)
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var portAt = Array.IndexOf(arguments, "--tablePort");
                if (portAt >= 0 && portAt + 1 < arguments.Length && arguments[portAt + 1] == tablePort &&
                    arguments.Any(a => a.Contains("azurite", StringComparison.OrdinalIgnoreCase)))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    [GeneratedRegex(@"TableEndpoint=https?://[^:/;]+:(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex TablePort();
}
