using System.Diagnostics;
using System.Text;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Hosting;

/// <summary>
/// The real CertGrid.Server executable, started as its own process with environment settings. Its output is kept in
/// memory (<see cref="Output"/>) and, when <c>CERTGRID_PROCESS_LOG_DIR</c> names a directory (benchmarks/chaos.sh sets
/// it), also written to a file of its own there, so the output of a silo that was killed or replaced can be read later.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private StreamWriter? _log;

    private ServerProcess(Process process)
    {
        _process = process;
        if (Environment.GetEnvironmentVariable("CERTGRID_PROCESS_LOG_DIR") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            _log = new StreamWriter(Path.Combine(directory, $"{DateTime.UtcNow:HHmmss}-{process.Id}.log")) { AutoFlush = true };
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public Process Process => _process;

    public static ServerProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, "src", "CertGrid.Server", "bin", configuration, "net10.0", "CertGrid.Server.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ServerProcess(Process.Start(start)!);
    }

    public async Task<bool> WaitForReadyAsync(Uri baseAddress, TimeSpan timeout, string readinessPath = "/health/ready")
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(readinessPath)).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_output)
        {
            _log?.Dispose();
            _log = null; // output that still arrives stays in memory only
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
                _log?.WriteLine(line);
            }
        }
    }
}
