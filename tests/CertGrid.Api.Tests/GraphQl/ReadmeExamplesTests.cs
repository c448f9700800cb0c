using System.Text.RegularExpressions;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>The README's assessment-lifecycle examples fit the schema: each operation parses and validates (placeholder ids fail later, at execution).</summary>
[Collection(SharedServerGroup.Name)]
public sealed partial class ReadmeExamplesTests(SharedServerFixture server)
{
    [Fact]
    public async Task Every_assessment_lifecycle_example_parses_and_validates_against_the_schema()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("## Assessment lifecycle", StringComparison.Ordinal);
        var section = readme[start..readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal)];
        var operations = GraphQlBlock().Matches(section)
            .SelectMany(m => OperationStart().Split(m.Groups[1].Value).Where(op => !string.IsNullOrWhiteSpace(op)))
            .ToList();
        Assert.True(operations.Count >= 30, $"found only {operations.Count} operations");

        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        foreach (var operation in operations)
        {
            var (_, body) = await server.GraphQl.SendAsync(operation, key: scenario.AdminKey);
            if (body.TryGetProperty("errors", out var errors))
            {
                foreach (var error in errors.EnumerateArray())
                {
                    var code = error.GetProperty("extensions").GetProperty("code").GetString();
                    Assert.True(code is not ("GRAPHQL_PARSE_FAILED" or "GRAPHQL_VALIDATION_FAILED"), $"{code}: {error.GetProperty("message")}\n{operation}");
                }
            }
        }
    }

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQlBlock();

    /// <summary>A new operation starts at the beginning of a line with 'mutation', 'query' or '{'.</summary>
    [GeneratedRegex("^(?=mutation|query|\\{)", RegexOptions.Multiline)]
    private static partial Regex OperationStart();
}
