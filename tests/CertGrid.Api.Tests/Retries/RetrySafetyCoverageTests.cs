using System.Text.RegularExpressions;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using CertGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Retries;

/// <summary>
/// Every mutation declares whether it may run again after its first answer was lost (issue 14): safe, or on the
/// exception list with its reason, and that list is the one docs/api/graphql.md gives. A new mutation without a
/// declaration fails here, so none can silently answer IDEMPOTENCY_OUTCOME_UNKNOWN (or, worse, run twice).
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed partial class RetrySafetyCoverageTests(SharedServerFixture server)
{
    private const string ExceptionsHeading = "### Mutations that are not run again";

    [Fact]
    public void Every_mutation_is_safe_to_run_again_or_a_documented_exception()
    {
        var schema = server.Cluster.Nodes[0].Services.GetRequiredService<CertGridSchema>();
        schema.Initialize();
        var mutations = schema.Mutation!.Fields.ToList();

        var undeclared = mutations.Where(f => !f.IsSafeToRunAgain() && f.WhyNotSafeToRunAgain() is null).Select(f => f.Name).ToList();
        var both = mutations.Where(f => f.IsSafeToRunAgain() && f.WhyNotSafeToRunAgain() is not null).Select(f => f.Name).ToList();
        var exceptions = mutations.Where(f => f.WhyNotSafeToRunAgain() is not null).Select(f => f.Name).Order(StringComparer.Ordinal).ToList();

        Assert.True(undeclared.Count == 0, $"Mutations that do not declare .SafeToRunAgain() or .NotSafeToRunAgain(why):\n{string.Join('\n', undeclared)}");
        Assert.Empty(both);
        Assert.True(mutations.Count > 80, $"The walk should see every mutation; it saw {mutations.Count}.");
        Assert.Equal(exceptions, DocumentedExceptions());
        Assert.True(exceptions.Count == 0, $"Every mutation is safe to run again; these are not: {string.Join(", ", exceptions)}");
    }

    /// <summary>The mutation names in the first column of the exception table in docs/api/graphql.md.</summary>
    private static List<string> DocumentedExceptions()
    {
        var manual = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "api", "graphql.md"));
        var start = manual.IndexOf(ExceptionsHeading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/api/graphql.md has no section '{ExceptionsHeading}'.");
        var section = manual[(start + ExceptionsHeading.Length)..];
        var end = section.IndexOf("\n#", StringComparison.Ordinal);
        section = end < 0 ? section : section[..end];
        return TableRow().Matches(section).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^\| `(\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
