using System.Text.RegularExpressions;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>
/// The API manual's GraphQL examples (docs/api/*.md) fit the schema: every operation of every page parses and validates
/// (placeholder ids fail later, at execution). A page that stops carrying examples, or loses most of them, fails too.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed partial class ApiManualExamplesTests(SharedServerFixture server)
{
    private static string ManualDirectory => Path.Combine(TestEnvironment.RepositoryRoot, "docs", "api");

    [Theory]
    [InlineData("flow.md", 20)]
    [InlineData("assessments.md", 30)]
    [InlineData("renewals.md", 10)]
    [InlineData("programs.md", 30)]
    [InlineData("limits.md", 1)]
    [InlineData("identity.md", 6)]
    [InlineData("events.md", 9)]
    [InlineData("email.md", 4)]
    [InlineData("direct-awards.md", 6)]
    public async Task Every_example_of_a_page_parses_and_validates_against_the_schema(string page, int atLeast)
    {
        var operations = Operations(await File.ReadAllTextAsync(Path.Combine(ManualDirectory, page)));
        Assert.True(operations.Count >= atLeast, $"found only {operations.Count} operations in docs/api/{page}");

        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        foreach (var operation in operations)
        {
            var body = operation.StartsWith("subscription", StringComparison.Ordinal)
                ? await FirstStreamAnswerAsync(operation, scenario.AdminKey)
                : (await server.GraphQl.SendAsync(operation, key: scenario.AdminKey)).Body;
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

    [Fact]
    public void Every_page_with_graphql_examples_is_checked()
    {
        var checkedPages = typeof(ApiManualExamplesTests).GetMethod(nameof(Every_example_of_a_page_parses_and_validates_against_the_schema))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(d => (string)d.GetData(null!).Single()[0]).ToHashSet();
        var pagesWithExamples = Directory.GetFiles(ManualDirectory, "*.md")
            .Where(f => GraphQlBlock().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetFileName(f));
        Assert.All(pagesWithExamples, page => Assert.Contains(page, checkedPages));
    }

    /// <summary>
    /// A subscription is sent as an event stream: its refusal (a non-200 body), or its first message; a stream that is
    /// still waiting for events after two seconds was admitted, so the example is valid.
    /// </summary>
    private async Task<JsonElement> FirstStreamAnswerAsync(string operation, string key)
    {
        await using var stream = await Events.EventStreamClient.OpenAsync(server.Cluster.CreateClient(), operation, null, key);
        if (stream.Status != 200)
        {
            return await stream.BodyAsync();
        }

        try
        {
            return await stream.NextResultAsync(TimeSpan.FromSeconds(2));
        }
        catch (OperationCanceledException)
        {
            return JsonDocument.Parse("{}").RootElement;
        }
    }

    private static List<string> Operations(string markdown) => GraphQlBlock().Matches(markdown)
        .SelectMany(m => OperationStart().Split(m.Groups[1].Value).Where(op => !string.IsNullOrWhiteSpace(op)))
        .ToList();

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQlBlock();

    /// <summary>A new operation starts at the beginning of a line with 'mutation', 'query', 'subscription' or '{'.</summary>
    [GeneratedRegex("^(?=mutation|query|subscription|\\{)", RegexOptions.Multiline)]
    private static partial Regex OperationStart();
}
