using System.Diagnostics;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Interop;

/// <summary>
/// The npm graphql-sse client (an independent GraphQL-over-SSE implementation) follows the event feed live: an event a
/// mutation causes arrives; after a disconnect, resubscribing from the last cursor delivers exactly the missed events,
/// in order, and nothing else (tests/interop/graphql-sse-client.mjs).
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class GraphQlSseClientTests(SharedServerFixture server)
{
    [Fact]
    public async Task The_graphql_sse_client_receives_live_events_and_resumes_from_its_last_cursor_without_gaps_or_duplicates()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var root = TestEnvironment.RepositoryRoot;
        var start = new ProcessStartInfo("node", [Path.Combine(root, "tests", "interop", "graphql-sse-client.mjs"), new Uri(server.Cluster.PublicBaseUrl, "/graphql").ToString(), scenario.AdminKey])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"graphql-sse client failed: {await errors}\n{await output}");

        var seen = JsonDocument.Parse(await output).RootElement;
        var arrived = seen.GetProperty("arrived");
        Assert.Equal(seen.GetProperty("first").GetString(), arrived.GetProperty("learnerId").GetString());
        Assert.Equal("learner.enrolled", arrived.GetProperty("type").GetString());

        var missed = seen.GetProperty("missed").EnumerateArray().Select(e => e.GetString()).ToList();
        var received = seen.GetProperty("received").EnumerateArray().ToList();
        Assert.Equal(missed, received.Select(e => e.GetProperty("learnerId").GetString()));
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("extra").ValueKind);

        // Exactly the next places in the feed after the last cursor: nothing skipped, nothing repeated.
        var sequences = new[] { arrived }.Concat(received).Select(e => long.Parse(e.GetProperty("cursor").GetString()!["evc1.".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 3).Select(i => sequences[0] + i), sequences);
        Assert.Equal(3, new[] { arrived }.Concat(received).Select(e => e.GetProperty("id").GetString()).Distinct().Count());
    }
}
