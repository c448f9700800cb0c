using System.Text.RegularExpressions;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>The README's GraphQL examples fit the schema: every operation of a section parses and validates (placeholder ids fail later, at execution).</summary>
[Collection(SharedServerGroup.Name)]
public sealed partial class ReadmeExamplesTests(SharedServerFixture server)
{
    [Theory]
    [InlineData("Assessment lifecycle", 30)]
    [InlineData("Renewals", 10)]
    [InlineData("Designing a program", 30)]
    public async Task Every_example_of_a_section_parses_and_validates_against_the_schema(string section, int atLeast)
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "README.md"));
        var start = readme.IndexOf($"\n## {section}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '## {section}' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var operations = GraphQlBlock().Matches(readme[start..(end < 0 ? readme.Length : end)])
            .SelectMany(m => OperationStart().Split(m.Groups[1].Value).Where(op => !string.IsNullOrWhiteSpace(op)))
            .ToList();
        Assert.True(operations.Count >= atLeast, $"found only {operations.Count} operations in '{section}'");

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
