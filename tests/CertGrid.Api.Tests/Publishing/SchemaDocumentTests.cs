using System.Diagnostics;
using System.Text.RegularExpressions;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>
/// Issue 15.6: the SDL is published at /graphql/schema.graphql and kept in the repository (docs/api/schema.graphql), so a
/// change to the public contract shows in review; a partner's developer generates a typed client from the live server
/// with graphql-codegen, and the generated TypeScript compiles.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed partial class SchemaDocumentTests(SharedServerFixture server)
{
    private const string UpdateVariable = "CERTGRID_UPDATE_SCHEMA_SNAPSHOT";

    private static string SnapshotPath => Path.Combine(TestEnvironment.RepositoryRoot, "docs", "api", "schema.graphql");

    [Fact]
    public async Task The_published_schema_matches_the_snapshot_in_the_repository()
    {
        var served = await ServedSdlAsync();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, served);
        }

        var kept = File.Exists(SnapshotPath) ? (await File.ReadAllTextAsync(SnapshotPath)).ReplaceLineEndings("\n") : string.Empty;
        var servedLines = served.Split('\n');
        var keptLines = kept.Split('\n');
        var first = Enumerable.Range(0, Math.Max(servedLines.Length, keptLines.Length))
            .FirstOrDefault(i => i >= servedLines.Length || i >= keptLines.Length || servedLines[i] != keptLines[i], -1);
        Assert.True(first < 0,
            $"The public GraphQL contract changed: docs/api/schema.graphql differs from what the server publishes from line {first + 1} " +
            $"(kept: '{keptLines.ElementAtOrDefault(first)}', served: '{servedLines.ElementAtOrDefault(first)}'). If the change is intended, update the snapshot with " +
            $"`{UpdateVariable}=1 ./test.sh --filter FullyQualifiedName~SchemaDocumentTests` and commit it with the change.");
    }

    [Fact]
    public async Task The_schema_is_served_as_sdl_to_anyone()
    {
        using var response = await server.Cluster.CreateClient().GetAsync("/graphql/schema.graphql");
        var sdl = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("type Query {", sdl, StringComparison.Ordinal);
        Assert.Contains("verifyCredential(", sdl, StringComparison.Ordinal);
        Assert.Contains("\"An Open Badges 3.0 AchievementCredential issued by the community, signed as a VC-JWT.\"", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphql_codegen_generates_a_typed_client_from_the_live_server_that_compiles()
    {
        var root = TestEnvironment.RepositoryRoot;
        var work = Directory.CreateTempSubdirectory("certgrid-codegen-");
        try
        {
            var output = Path.Combine(work.FullName, "certgrid.ts");
            var config = Path.Combine(work.FullName, "codegen.json");
            // The endpoint itself, as GraphiQL, Postman and Apollo read it: codegen sends the standard introspection query.
            var schemaUrl = new Uri(server.Cluster.PublicBaseUrl, "/graphql").ToString();
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["overwrite"] = true,
                ["schema"] = schemaUrl,
                ["generates"] = new Dictionary<string, object> { [output] = new { plugins = new[] { "typescript" } } },
            }));

            var (codegenExit, codegenLog) = await NodeAsync(root, Path.Combine(root, "node_modules", "@graphql-codegen", "cli", "cjs", "bin.js"), "--config", config);
            Assert.True(codegenExit == 0, $"graphql-codegen failed:\n{codegenLog}");
            var typescript = await File.ReadAllTextAsync(output);
            // Compiled from the temporary folder, so the repository's own node_modules/@types stay out of it, as in a partner's project.
            var (tscExit, tscLog) = await NodeAsync(work.FullName, Path.Combine(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--strict", "--target", "es2020", output);
            Assert.True(tscExit == 0, $"The generated client does not compile:\n{tscLog}");

            var objectTypes = ObjectType().Matches(await ServedSdlAsync()).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains("IssuedCredential", objectTypes);
            Assert.All(objectTypes, type => Assert.Contains($"export type {type} = {{", typescript, StringComparison.Ordinal));
            Assert.Contains("/** An Open Badges 3.0 AchievementCredential issued by the community, signed as a VC-JWT. */", typescript, StringComparison.Ordinal);
            Assert.Matches(@"verifyCredential: VerificationResult;", typescript);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<string> ServedSdlAsync() =>
        (await server.Cluster.CreateClient().GetStringAsync("/graphql/schema.graphql")).ReplaceLineEndings("\n");

    private static async Task<(int Exit, string Log)> NodeAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("node", arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^type (\w+)", RegexOptions.Multiline)]
    private static partial Regex ObjectType();
}
