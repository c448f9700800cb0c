namespace CertGrid.Domain.Tests.Programs;

public class FrameworkContentRulesTests
{
    private static FrameworkContent Valid() => new(" Practice ", null,
        [new CompetencyDomain("OBS", "Observability", null)],
        [new Competency(" OBS-1 ", " Observability ", null, ["Defines SLIs "], [" Reads dashboards"], "OBS")],
        []);

    [Fact]
    public void A_valid_framework_is_trimmed_and_gets_the_dreyfus_scale_when_it_has_none()
    {
        var content = FrameworkContentRules.Validate(Valid());
        Assert.Equal("Practice", content.Name);
        Assert.Equal("OBS-1", content.Competencies[0].Code);
        Assert.Equal(["Reads dashboards"], content.Competencies[0].Behaviours);
        Assert.Equal(["Novice", "Advanced beginner", "Competent", "Proficient", "Expert"], content.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Levels_are_sorted_by_rank_and_must_be_unique()
    {
        var content = FrameworkContentRules.Validate(Valid() with { Levels = [new(3, "Expert", null), new(1, "Novice", null), new(2, "Practitioner", null)] });
        Assert.Equal([1, 2, 3], content.Levels.Select(l => l.Rank));
        Assert.Throws<CertGridException>(() => FrameworkContentRules.Validate(Valid() with { Levels = [new(1, "A", null), new(1, "B", null)] }));
        Assert.Throws<CertGridException>(() => FrameworkContentRules.Validate(Valid() with { Levels = [new(1, "Same", null), new(2, "SAME", null)] }));
        Assert.Throws<CertGridException>(() => FrameworkContentRules.Validate(Valid() with { Levels = [new(1, "Only", null)] }));
    }

    [Fact]
    public void A_competency_must_be_in_a_known_domain_and_codes_must_be_unique()
    {
        var unknown = Valid() with { Competencies = [Valid().Competencies[0] with { DomainCode = "NOPE" }] };
        Assert.Equal("input.competencies[0].domainCode", Assert.Throws<CertGridException>(() => FrameworkContentRules.Validate(unknown)).Field);
        var twice = Valid() with { Competencies = [Valid().Competencies[0], Valid().Competencies[0]] };
        Assert.Throws<CertGridException>(() => FrameworkContentRules.Validate(twice));
        var noOutcome = Valid() with { Competencies = [Valid().Competencies[0] with { Outcomes = [] }] };
        Assert.Equal("input.competencies[0].outcomes", Assert.Throws<CertGridException>(() => FrameworkContentRules.Validate(noOutcome)).Field);
    }

    [Fact]
    public void Translations_must_use_language_tags()
    {
        var content = Valid() with { NameTranslations = new Dictionary<string, string> { ["Français"] = "Pratique" } };
        Assert.Equal("input.nameTranslations.language", Assert.Throws<CertGridException>(() => FrameworkContentRules.Validate(content)).Field);
    }
}
