using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CertGrid.AuditVerify;

namespace CertGrid.Api.Tests.Audit;

/// <summary>
/// The audit export (HTTP JSON Lines and GraphQL chunks) verified offline by the CLI, which finds an altered, a removed
/// and a reordered entry, and with the trusted head also entries cut from the end.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class AuditExportTests(SharedServerFixture server) : IAsyncLifetime
{
    private CommunityScenario _scenario = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("certgrid-audit-").FullName;
        _scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var credential = await _scenario.DefineCredentialAsync(await _scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await _scenario.RegisterEvaluatorAsync("Northwind"), await _scenario.RegisterEvaluatorAsync("Contoso") };
        var learner = await _scenario.EnrolLearnerAsync();
        var attempt = await _scenario.SubmitAttemptAsync(learner.Key, credential, await _scenario.UploadArtifactAsync(learner.Key));
        foreach (var (_, key) in evaluators)
        {
            await _scenario.ReviewAsync(key, attempt.GetProperty("id").GetString()!, "Proficient");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_streamed_export_verifies_and_the_cli_finds_altered_removed_and_reordered_entries()
    {
        var (lines, head) = await ExportAsync();
        Assert.True(lines.Count > 10);
        Assert.Equal(head.Sequence, lines.Count);
        Assert.Contains(lines, l => l.Contains("review.submitted", StringComparison.Ordinal) && l.Contains("overallNote", StringComparison.Ordinal));

        var (ok, output) = Verify(lines, head);
        Assert.Equal(AuditVerifyCommand.Intact, ok);
        Assert.StartsWith($"OK: {lines.Count} entries", output, StringComparison.Ordinal);

        var review = lines.FindIndex(l => l.Contains("review.submitted", StringComparison.Ordinal));
        var altered = lines.ToList();
        altered[review] = altered[review].Replace("Proficient", "Exemplary", StringComparison.Ordinal);
        AssertBrokenAt(Verify(altered), review + 1);

        var removed = lines.Where((_, i) => i != 4).ToList();
        AssertBrokenAt(Verify(removed), 5);

        var reordered = lines.ToList();
        (reordered[2], reordered[3]) = (reordered[3], reordered[2]);
        AssertBrokenAt(Verify(reordered), 3);

        // Cutting entries from the end leaves a shorter intact chain: only the trusted head from verifyAuditLog reveals it.
        var cut = lines.Take(lines.Count - 2).ToList();
        Assert.Equal(AuditVerifyCommand.Intact, Verify(cut).ExitCode);
        var (exit, message) = Verify(cut, head);
        Assert.Equal(AuditVerifyCommand.Broken, exit);
        Assert.Contains("removed from the end", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_graphql_chunks_equal_the_http_export_and_the_cli_process_exits_non_zero_on_tampering()
    {
        var (lines, head) = await ExportAsync();
        var chunked = new List<string>();
        long after = 0;
        bool more;
        do
        {
            var chunk = (await server.GraphQl.DataAsync("query($a: Long) { auditLogJsonLines(afterSequence: $a, first: 7) { jsonLines lastSequence hasMore } }",
                new { a = after }, _scenario.AdminKey)).GetProperty("auditLogJsonLines");
            chunked.AddRange(chunk.GetProperty("jsonLines").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            after = chunk.GetProperty("lastSequence").GetInt64();
            more = chunk.GetProperty("hasMore").GetBoolean();
        }
        while (more);
        Assert.Equal(lines.Take(chunked.Count), chunked);
        Assert.True(chunked.Count >= head.Sequence);

        var file = Path.Combine(_directory, "tampered.jsonl");
        var tampered = lines.ToList();
        var at = JsonDocument.Parse(tampered[1]).RootElement.GetProperty("at").GetString()!;
        tampered[1] = tampered[1].Replace(at, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1).UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal); // backdated
        await File.WriteAllLinesAsync(file, tampered);
        var (exitCode, stdout) = await RunToolAsync(file);
        Assert.Equal(1, exitCode);
        Assert.Contains("BROKEN at entry 2 (line 2)", stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await RunToolAsync("--expect-head", "nonsense")).ExitCode);
    }

    [Fact]
    public async Task Only_the_communitys_admins_can_export()
    {
        using var http = server.Cluster.CreateClient();
        var path = $"/c/{_scenario.Community}/audit.jsonl";
        var anonymous = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("UNAUTHENTICATED", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var learner = await _scenario.EnrolLearnerAsync();
        var other = await CommunityScenario.CreateAsync(server.GraphQl);
        foreach (var key in new[] { learner.Key, other.AdminKey })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("FORBIDDEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<(List<string> Lines, (long Sequence, string Hash) Head)> ExportAsync()
    {
        var verification = (await server.GraphQl.DataAsync("{ verifyAuditLog { intact entriesChecked headHash } }", key: _scenario.AdminKey)).GetProperty("verifyAuditLog");
        Assert.True(verification.GetProperty("intact").GetBoolean());
        using var http = server.Cluster.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/c/{_scenario.Community}/audit.jsonl");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _scenario.AdminKey);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jsonl", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var checkedEntries = verification.GetProperty("entriesChecked").GetInt64();
        return (lines.Take((int)checkedEntries).ToList(), (checkedEntries, verification.GetProperty("headHash").GetString()!));
    }

    private (int ExitCode, string Output) Verify(List<string> lines, (long Sequence, string Hash)? head = null)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(file, lines);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = head is { } h ? [file, "--expect-head", $"{h.Sequence}:{h.Hash}"] : [file];
        var exit = AuditVerifyCommand.Run(args, TextReader.Null, stdout, stderr);
        return (exit, stdout.ToString() + stderr);
    }

    private static void AssertBrokenAt((int ExitCode, string Output) result, int line)
    {
        Assert.Equal(AuditVerifyCommand.Broken, result.ExitCode);
        Assert.Contains($"(line {line})", result.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs the built tool as its own process, as an auditor would.</summary>
    private static async Task<(int ExitCode, string Output)> RunToolAsync(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "certgrid-audit-verify.dll");
        Assert.True(File.Exists(tool), $"{tool} is not built");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }
}
