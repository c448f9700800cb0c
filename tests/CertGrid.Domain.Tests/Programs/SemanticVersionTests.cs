namespace CertGrid.Domain.Tests.Programs;

public class SemanticVersionTests
{
    [Theory]
    [InlineData("1.0.0", VersionBump.Patch, "1.0.1")]
    [InlineData("1.0.7", VersionBump.Minor, "1.1.0")]
    [InlineData("1.4.7", VersionBump.Major, "2.0.0")]
    public void Bumping_resets_the_lower_parts(string from, VersionBump bump, string expected) =>
        Assert.Equal(expected, SemanticVersion.Parse(from).Bump(bump).ToString());

    [Theory]
    [InlineData("1.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-beta")]
    [InlineData("a.b.c")]
    [InlineData("")]
    public void Only_plain_major_minor_patch_versions_parse(string text)
    {
        Assert.False(SemanticVersion.TryParse(text, out _));
        Assert.Equal(ErrorCode.ValidationFailed, Assert.Throws<CertGridException>(() => SemanticVersion.Parse(text)).Code);
    }

    [Fact]
    public void Versions_order_numerically_not_as_text()
    {
        var faker = new Faker { Random = new Randomizer(3) };
        var versions = Enumerable.Range(0, 50).Select(_ => new SemanticVersion(faker.Random.Int(0, 20), faker.Random.Int(0, 20), faker.Random.Int(0, 20))).ToList();
        var sorted = versions.Order().ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            var (a, b) = (sorted[i - 1], sorted[i]);
            Assert.True(a.Major < b.Major || (a.Major == b.Major && (a.Minor < b.Minor || (a.Minor == b.Minor && a.Patch <= b.Patch))));
        }

        Assert.True(SemanticVersion.Parse("1.10.0") > SemanticVersion.Parse("1.9.9"));
    }
}

public class FrameworkVersioningTests
{
    private static FrameworkContent Content(params string[] codes) =>
        new("Practice", null, [], codes.Select(c => new Competency(c, c, null, ["Shows it"])).ToList(), ProficiencyLevel.Default);

    [Fact]
    public void The_next_version_is_bumped_as_the_changes_require_or_more_when_asked()
    {
        Assert.Equal("1.1.0", FrameworkVersioning.Next("1.0.3", Content("A"), Content("A", "B"), null));
        Assert.Equal("2.0.0", FrameworkVersioning.Next("1.0.3", Content("A", "B"), Content("A"), VersionBump.Patch));
        Assert.Equal("2.0.0", FrameworkVersioning.Next("1.0.3", Content("A"), Content("A", "B"), VersionBump.Major));
        Assert.Equal("1.0.4", FrameworkVersioning.Next("1.0.3", Content("A"), Content("A") with { Name = "Practice 2" }, null));
        Assert.Equal(ErrorCode.ValidationFailed, Assert.Throws<CertGridException>(() => FrameworkVersioning.Next("1.0.3", Content("A"), Content("A"), null)).Code);
    }
}
