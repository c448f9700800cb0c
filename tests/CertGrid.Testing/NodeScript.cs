using System.Diagnostics;

namespace CertGrid.Testing;

/// <summary>Runs a Node.js script of the repository (the independent checkers under <c>tests/</c>) and collects what it printed.</summary>
public static class NodeScript
{
    /// <param name="script">A path relative to the repository root, e.g. <c>tests/interop/verify-credentials.mjs</c>.</param>
    public static async Task<NodeScriptResult> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(TestEnvironment.RepositoryRoot, script), .. arguments])
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new NodeScriptResult(process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList(), await errors);
    }
}

/// <summary>A finished script: its exit code, the lines it printed, and what it wrote to standard error.</summary>
public sealed record NodeScriptResult(int ExitCode, IReadOnlyList<string> Lines, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n{string.Join('\n', Lines)}\n{Errors}";
}
