using System.Security.Cryptography;

namespace CertGrid.Domain.Tests.Credentials.DataIntegrity;

/// <summary>
/// The vendored W3C suites stay byte for byte what was published: each folder's <c>SHA256SUMS</c> (made with
/// <c>sha256sum</c> from the published copy; <c>sha256sum -c SHA256SUMS</c> in the folder checks it too) lists every
/// file with its path upstream, and no file is changed, missing or added. Files of the same name in two vector sets
/// (<c>eddsa-rdfc-2022/</c> and <c>eddsa-rdfc-2022/employ/</c>) are told apart by their path.
/// </summary>
public sealed class VendoredSuitesTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Credentials", "DataIntegrity");

    [Theory]
    [InlineData("W3cEddsaVectors", "TestVectors", 21)]
    [InlineData("W3cRdfCanon", "tests", 154)]
    public void Every_vendored_file_is_the_published_one(string folder, string suite, int files)
    {
        var directory = Path.Combine(Root, folder);
        var published = File.ReadAllLines(Path.Combine(directory, "SHA256SUMS"))
            .Select(line => line.Split("  ", 2))
            .ToDictionary(parts => parts[1], parts => parts[0], StringComparer.Ordinal);
        var vendored = Directory.EnumerateFiles(Path.Combine(directory, suite), "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        Assert.Equal(files, published.Count);
        Assert.Equal(published.Keys.Order(StringComparer.Ordinal), vendored.Order(StringComparer.Ordinal));
        Assert.All(vendored, path =>
            Assert.True(published[path] == Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, path)))), $"{folder}/{path} differs from the published file"));
    }
}
