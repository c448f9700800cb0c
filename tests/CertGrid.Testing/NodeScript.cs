using System.Diagnostics;

namespace CertGrid.Testing;

/// <summary>Runs a Node.js script of <c>tests/interop/</c> from the repository root and collects what it wrote.</summary>
public static class NodeScript
{
    public static async Task<(int ExitCode, List<string> Lines, string Errors)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(TestEnvironment.RepositoryRoot, "tests", "interop", script), .. arguments])
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList(), await errors);
    }
}
