using System.Text.RegularExpressions;
using CertGrid.Testing;

namespace CertGrid.Domain.Tests.Tenancy;

/// <summary>
/// A community-scoped grain key is made in one place, <c>CommunityScopedGrains</c>, and reached through each feature's
/// typed reference (docs/conventions.md, "Keys carry the community"). A key put together by hand elsewhere is how one
/// community's id ends up addressing another's grain, so the sources are read for the two shapes it took before.
/// </summary>
public partial class GrainKeysInOnePlaceTests
{
    private const string TheOnePlace = "CommunityScopedGrains.cs";

    [Fact]
    public void No_source_outside_CommunityScopedGrains_builds_a_grain_key_by_hand()
    {
        var offending = SourceFiles()
            .Where(file => Path.GetFileName(file) != TheOnePlace)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(at => HandBuiltKey().IsMatch(at.line))
            .Select(at => $"{Path.GetRelativePath(TestEnvironment.RepositoryRoot, at.file)}:{at.number}: {at.line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "Use the feature's typed grain reference (e.g. grains.Credential(community, id)):\n" + string.Join('\n', offending));
    }

    [Theory]
    [InlineData("grains.GetGrain<ILearnerGrain>(new ScopedKey(community, id).ToString())")]
    [InlineData("GrainFactory.GetGrain<IStatusListGrain>($\"{community}/message/{list}\")")]
    [InlineData("grains.GetGrain<IAttemptGrain>(community + \"/\" + attemptId)")]
    public void The_check_recognises_each_shape_of_a_hand_built_key(string line) =>
        Assert.Matches(HandBuiltKey(), line);

    [Theory]
    [InlineData("grains.GetGrain<IEvaluatorPoolGrain>(community)")]
    [InlineData("grains.Learner(community, learnerId)")]
    public void The_check_leaves_typed_references_and_community_singletons_alone(string line) =>
        Assert.DoesNotMatch(HandBuiltKey(), line);

    private static List<string> SourceFiles()
    {
        var roots = new[] { "src", "tests", "benchmarks" }.Select(folder => Path.Combine(TestEnvironment.RepositoryRoot, folder));
        var files = roots.SelectMany(root => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.EndsWith(nameof(GrainKeysInOnePlaceTests) + ".cs", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 500, $"only {files.Count} source files found under {TestEnvironment.RepositoryRoot}");
        return files;
    }

    /// <summary>A grain reference whose key is a <c>ScopedKey</c> turned into a string, or an interpolated or concatenated string with a '/'.</summary>
    [GeneratedRegex("""GetGrain<\w+>\((new ScopedKey\(|\$"[^"]*/|[^)]*\+\s*"/")""")]
    private static partial Regex HandBuiltKey();
}
