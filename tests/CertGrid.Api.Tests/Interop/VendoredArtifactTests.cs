using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Interop;

/// <summary>Other people's artifacts under <c>tests/interop/vendor</c> stay byte for byte what their README says was copied.</summary>
public sealed partial class VendoredArtifactTests
{
    [Fact]
    public void Every_vendored_file_hashes_to_the_value_its_readme_records()
    {
        var vendor = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "interop", "vendor");
        var checkedFiles = 0;
        foreach (var readme in Directory.GetFiles(vendor, "README.md", SearchOption.AllDirectories))
        {
            foreach (Match row in VendoredRow().Matches(File.ReadAllText(readme)))
            {
                var file = Path.Combine(Path.GetDirectoryName(readme)!, row.Groups["file"].Value);
                Assert.Equal(row.Groups["sha"].Value, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
                checkedFiles++;
            }
        }

        Assert.True(checkedFiles > 0, "no vendored file is listed with its SHA-256");
    }

    [GeneratedRegex(@"^\| `(?<file>[^`]+)` \|.*\| `(?<sha>[0-9a-f]{64})` \|$", RegexOptions.Multiline)]
    private static partial Regex VendoredRow();
}
