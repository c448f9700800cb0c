using System.Security.Cryptography;
using System.Text.Json;
using CertGrid.Domain.Credentials.DataIntegrity.Rdf;
using Xunit.Abstractions;

namespace CertGrid.Domain.Tests.Credentials.DataIntegrity;

/// <summary>
/// Runs every RDFC-1.0 test of the W3C RDF Dataset Canonicalization suite (w3c/rdf-canon, vendored unchanged in
/// W3cRdfCanon/) and prints how many ran and passed: eval tests compare canonical N-Quads byte for byte, map tests
/// compare the issued identifiers map, negative tests must be refused for excessive work.
/// </summary>
public sealed class W3cRdfCanonSuiteTests(ITestOutputHelper output)
{
    private static readonly string SuiteFolder = Path.Combine(AppContext.BaseDirectory, "Credentials", "DataIntegrity", "W3cRdfCanon", "tests");

    [Fact]
    public void EveryRdfc10TestOfTheW3cSuitePasses()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(SuiteFolder, "manifest.jsonld")));
        var entries = manifest.RootElement.GetProperty("entries").EnumerateArray().ToList();
        var failures = new List<string>();
        var counts = new Dictionary<string, int>();
        foreach (var entry in entries)
        {
            var type = entry.GetProperty("type").GetString()!;
            counts[type] = counts.GetValueOrDefault(type) + 1;
            var id = entry.GetProperty("id").GetString()!;
            try
            {
                var problem = Run(entry, type);
                if (problem is not null)
                {
                    failures.Add($"{id} ({entry.GetProperty("name").GetString()}): {problem}");
                }
            }
            catch (Exception e) when (e is FormatException or RdfCanonicalizationException or KeyNotFoundException)
            {
                failures.Add($"{id}: {e.GetType().Name}: {e.Message}");
            }
        }

        var summary = $"W3C RDFC-1.0 test suite (w3c/rdf-canon 15619df): {entries.Count} run, {entries.Count - failures.Count} passed, {failures.Count} failed "
            + $"({string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.Replace("rdfc:", "", StringComparison.Ordinal)}"))}).";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        failures.ForEach(output.WriteLine);
        Assert.True(entries.Count >= 86, $"The manifest lists {entries.Count} tests; the vendored suite has 86.");
        Assert.Empty(failures);
    }

    // The suite's complexity classes as work limits: a "high" test (the poison graphs) may take n^3 deep
    // iterations per blank node and no more, so the computable ones finish and the clique is refused.
    private static int WorkFactorFor(string? complexity) => complexity switch
    {
        "low" => 1,
        "medium" => 2,
        "high" => 3,
        _ => throw new InvalidDataException($"Unknown computationalComplexity '{complexity}'."),
    };

    private static string? Run(JsonElement entry, string type)
    {
        var input = NQuadsReader.Parse(File.ReadAllText(Path.Combine(SuiteFolder, entry.GetProperty("action").GetString()!)));
        var options = new RdfCanonicalizationOptions(
            entry.TryGetProperty("hashAlgorithm", out var hash) && hash.GetString() == "SHA384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256,
            WorkFactorFor(entry.GetProperty("computationalComplexity").GetString()));
        if (type == "rdfc:RDFC10NegativeEvalTest")
        {
            try
            {
                RdfCanonicalizer.Canonicalize(input, options);
                return "expected a refusal for excessive work, but the dataset was canonicalised";
            }
            catch (RdfCanonicalizationException)
            {
                return null;
            }
        }

        var result = RdfCanonicalizer.Canonicalize(input, options);
        var expected = File.ReadAllText(Path.Combine(SuiteFolder, entry.GetProperty("result").GetString()!));
        if (type == "rdfc:RDFC10EvalTest")
        {
            return result.NQuads == expected ? null : $"canonical N-Quads differ:\n{result.NQuads}\nexpected:\n{expected}";
        }

        var expectedMap = JsonSerializer.Deserialize<Dictionary<string, string>>(expected)!;
        var same = expectedMap.Count == result.IssuedIdentifiers.Count
            && expectedMap.All(e => result.IssuedIdentifiers.TryGetValue(e.Key, out var issued) && issued == e.Value);
        return same ? null : $"issued identifiers differ: {JsonSerializer.Serialize(result.IssuedIdentifiers)} expected {expected}";
    }
}
