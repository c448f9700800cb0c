using System.Diagnostics;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>The server audit suite of the npm package graphql-http (GraphQL-over-HTTP conformance), run in full.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class GraphQlHttpAuditTests(SharedServerFixture server)
{
    [Fact]
    public async Task Every_graphql_http_server_audit_passes()
    {
        var root = TestEnvironment.RepositoryRoot;
        var start = new ProcessStartInfo("node", [Path.Combine(root, "tests", "interop", "graphql-http-audit.mjs"), new Uri(server.Cluster.PublicBaseUrl, "/graphql").ToString()])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var summary = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var notOk = results.Where(r => r.GetProperty("status").GetString() != "ok").Select(r => r.ToString()).ToList();
        Assert.True(notOk.Count == 0, $"Audits not passing:\n{string.Join('\n', notOk)}\n{summary}");
        Assert.True(results.Count >= 60, $"Expected the full suite, got {results.Count} audits. {summary}");
        Assert.Equal(0, process.ExitCode);
    }
}
