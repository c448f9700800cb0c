namespace CertGrid.Domain.Tests.Programs;

public class PolicyDocumentWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static PolicyFacts Facts(IReadOnlyDictionary<string, IReadOnlyList<string>>? more = null) => new(
        "Incident Commander", CredentialTier.Advanced, "Site Reliability Practice", "1.1.0", ["SRE Foundations"], 30, true, null, 3, 75, 365,
        more ?? new Dictionary<string, IReadOnlyList<string>>());

    [Fact]
    public void The_document_has_every_section_in_order_and_says_what_is_not_configured()
    {
        var document = PolicyDocumentWriter.Write(Facts(), Now);
        Assert.Equal(["eligibility", "timelines", "retakes", "lifespan", "renewal", "appeals"], document.Sections.Select(s => s.Key));
        var eligibility = document.Sections[0];
        Assert.True(eligibility.Configured);
        Assert.Contains(eligibility.Lines, l => l.Contains("SRE Foundations", StringComparison.Ordinal));
        Assert.Contains(eligibility.Lines, l => l.Contains("30 days", StringComparison.Ordinal));
        Assert.Contains(document.Sections[1].Lines, l => l.Contains("version 1.1.0", StringComparison.Ordinal) && l.Contains("Site Reliability Practice", StringComparison.Ordinal));
        Assert.Contains(document.Sections[3].Lines, l => l.Contains("365 days", StringComparison.Ordinal));
        foreach (var key in new[] { "retakes", "renewal", "appeals" })
        {
            var section = document.Sections.Single(s => s.Key == key);
            Assert.False(section.Configured);
            Assert.StartsWith("Not configured", Assert.Single(section.Lines), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Other_features_fill_their_sections_through_additional_lines()
    {
        var document = PolicyDocumentWriter.Write(Facts(new Dictionary<string, IReadOnlyList<string>> { ["retakes"] = ["Two retakes, 30 days apart."] }), Now);
        var retakes = document.Sections.Single(s => s.Key == "retakes");
        Assert.True(retakes.Configured);
        Assert.Equal(["Two retakes, 30 days apart."], retakes.Lines);
    }

    [Fact]
    public void A_credential_without_rules_is_open_to_every_learner_and_does_not_expire()
    {
        var document = PolicyDocumentWriter.Write(Facts() with { PrerequisiteNames = [], MinimumDaysEnrolled = null, RequiresCohort = false, ValidityDays = null }, Now);
        Assert.False(document.Sections[0].Configured);
        Assert.Contains("any enrolled learner", document.Sections[0].Lines[0], StringComparison.Ordinal);
        Assert.Contains("does not expire", document.Sections.Single(s => s.Key == "lifespan").Lines[0], StringComparison.Ordinal);
        var markdown = document.ToMarkdown();
        Assert.StartsWith("# Incident Commander: policy", markdown, StringComparison.Ordinal);
        Assert.Contains("## Appeals", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scoring_methodology_states_weights_levels_threshold_and_consensus()
    {
        var rubric = new Rubric([Rubrics.Criterion("C1", 2, ("Not yet", 0), ("Proficient", 2), ("Exemplary", 3)), Rubrics.Criterion("C2", 1, ("No", 0), ("Yes", 1))], 70);
        var lines = ScoringMethodology.Describe(rubric, 3);
        Assert.Contains(lines, l => l.Contains("(7 points)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("C1 Criterion C1: weight 2, levels Not yet = 0, Proficient = 2, Exemplary = 3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("70%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("3 independent evaluators", StringComparison.Ordinal));
    }
}
