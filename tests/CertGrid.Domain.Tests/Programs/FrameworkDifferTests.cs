namespace CertGrid.Domain.Tests.Programs;

public class FrameworkDifferTests
{
    private static Competency C(string code, string name = "Observability", string[]? outcomes = null, string? domain = null, string[]? behaviours = null) =>
        new(code, name, null, outcomes ?? ["Defines SLIs"], behaviours, domain);

    private static FrameworkContent Content(IReadOnlyList<Competency> competencies, IReadOnlyList<CompetencyDomain>? domains = null, IReadOnlyList<ProficiencyLevel>? levels = null) =>
        new("Practice", "What we expect.", domains ?? [], competencies, levels ?? ProficiencyLevel.Default);

    private static FrameworkDiff Diff(FrameworkContent a, FrameworkContent b) => FrameworkDiffer.Compare("1.0.0", a, "next", b);

    [Fact]
    public void The_same_content_has_no_changes()
    {
        var content = Content([C("OBS-1"), C("INC-1", "Incidents")]);
        Assert.True(Diff(content, content with { }).IsEmpty);
    }

    [Fact]
    public void Wording_is_a_patch()
    {
        var before = Content([C("OBS-1")]);
        var diff = Diff(before, Content([C("OBS-1", "Observability and monitoring")]) with { Description = "Reworded." });
        Assert.Equal(VersionBump.Patch, diff.RequiredBump);
        Assert.Contains(diff.Changes, c => c.Element == FrameworkElement.Competency && c.Field == "name" && c.Code == "OBS-1");
        Assert.Contains(diff.Changes, c => c.Element == FrameworkElement.Framework && c.Field == "description");
    }

    [Fact]
    public void A_new_translation_is_a_patch()
    {
        var before = Content([C("OBS-1")]);
        var after = Content([C("OBS-1") with { NameTranslations = new Dictionary<string, string> { ["fr"] = "Observabilité" } }]);
        var change = Assert.Single(Diff(before, after).Changes);
        Assert.Equal(("nameTranslations", VersionBump.Patch), (change.Field, change.Impact));
    }

    [Fact]
    public void Additions_are_minor()
    {
        var before = Content([C("OBS-1")]);
        var diff = Diff(before, Content([C("OBS-1", outcomes: ["Defines SLIs", "Sets SLOs"]), C("CAP-1", "Capacity")], [new CompetencyDomain("OPS", "Operations", null)]));
        Assert.Equal(VersionBump.Minor, diff.RequiredBump);
        Assert.Contains(diff.Changes, c => c is { Element: FrameworkElement.Competency, Type: ChangeType.Added, Code: "CAP-1" });
        Assert.Contains(diff.Changes, c => c is { Element: FrameworkElement.Domain, Type: ChangeType.Added, Code: "OPS" });
        Assert.Contains(diff.Changes, c => c is { Field: "outcomes", Impact: VersionBump.Minor });
    }

    [Fact]
    public void Removing_a_competency_or_an_outcome_or_changing_the_scale_is_major()
    {
        var before = Content([C("OBS-1", outcomes: ["Defines SLIs", "Sets SLOs"]), C("INC-1")]);
        Assert.Equal(VersionBump.Major, Diff(before, Content([C("OBS-1", outcomes: ["Defines SLIs", "Sets SLOs"])])).RequiredBump);
        Assert.Equal(VersionBump.Major, Diff(before, Content([C("OBS-1", outcomes: ["Defines SLIs"]), C("INC-1")])).RequiredBump);
        var threeLevels = Content([C("OBS-1", outcomes: ["Defines SLIs", "Sets SLOs"]), C("INC-1")], levels: ProficiencyLevel.Default.Take(3).ToList());
        var levelDiff = Diff(before, threeLevels);
        Assert.Equal(VersionBump.Major, levelDiff.RequiredBump);
        Assert.Equal(2, levelDiff.Changes.Count(c => c is { Element: FrameworkElement.Level, Type: ChangeType.Removed }));
    }

    [Fact]
    public void Moving_a_competency_to_another_domain_is_minor_and_diffs_run_both_ways()
    {
        CompetencyDomain[] domains = [new("OBS", "Observability", null), new("OPS", "Operations", null)];
        var before = Content([C("OBS-1", domain: "OBS")], domains);
        var after = Content([C("OBS-1", domain: "OPS")], domains);
        var forward = Diff(before, after);
        var change = Assert.Single(forward.Changes);
        Assert.Equal(("domain", VersionBump.Minor), (change.Field, change.Impact));
        Assert.Contains("from domain OBS to OPS", change.Summary);
        Assert.Contains("from domain OPS to OBS", Assert.Single(Diff(after, before).Changes).Summary);
    }

    [Fact]
    public void The_required_bump_is_the_largest_impact_of_random_edits()
    {
        var faker = new Faker { Random = new Randomizer(17) };
        for (var round = 0; round < 50; round++)
        {
            var codes = Enumerable.Range(1, faker.Random.Int(2, 8)).Select(i => $"C-{i}").ToList();
            var before = Content(codes.Select(code => C(code, faker.Hacker.Noun())).ToList());
            var kept = codes.Where(_ => faker.Random.Bool(0.8f)).ToList();
            var added = faker.Random.Bool() ? ["NEW-1"] : Array.Empty<string>();
            var after = Content(kept.Concat(added).Select(code => C(code, faker.Random.Bool() ? faker.Hacker.Noun() : before.Competencies.FirstOrDefault(c => c.Code == code)?.Name ?? "x")).ToList());
            var diff = Diff(before, after);
            var expected = kept.Count < codes.Count ? VersionBump.Major : added.Length > 0 ? VersionBump.Minor : VersionBump.Patch;
            Assert.Equal(expected, diff.RequiredBump);
        }
    }
}
