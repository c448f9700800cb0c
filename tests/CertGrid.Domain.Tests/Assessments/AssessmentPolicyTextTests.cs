using CertGrid.Domain.Assessments;

namespace CertGrid.Domain.Tests.Assessments;

public sealed class AssessmentPolicyTextTests
{
    [Fact]
    public void The_default_policy_reads_as_the_rules_that_apply()
    {
        var text = AssessmentPolicyText.Sections(AssessmentPolicy.Default);

        Assert.Equal("The number of attempts is not limited.", text[PolicyDocumentWriter.Retakes][0]);
        Assert.Contains("at once", text[PolicyDocumentWriter.Retakes][1]);
        Assert.Contains("within 30 days", Assert.Single(text[PolicyDocumentWriter.Appeals]));
        Assert.Contains("up to 3 more independent evaluators", text[PolicyDocumentWriter.Timelines][0]);
        Assert.Contains("within 14 days", text[PolicyDocumentWriter.Timelines][1]);
        Assert.DoesNotContain(text[PolicyDocumentWriter.Timelines], l => l.Contains("blind", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_strict_policy_names_every_limit()
    {
        var policy = AssessmentPolicy.Default with
        {
            Consensus = new ConsensusPolicy(10, DisagreementAction.Discussion, 0),
            Retake = new RetakePolicy(3, 365, 14, 2),
            BlindReview = true,
            ReviewDeadlineDays = 1,
            AppealWindowDays = null,
        };

        var text = AssessmentPolicyText.Sections(policy);

        Assert.Equal(
            ["At most 3 attempts in any 365 days.", "After a failed attempt, wait 14 days from the decision before attempting again.",
             "After 2 failed attempts, a diagnostic self-assessment is required before the next attempt."],
            text[PolicyDocumentWriter.Retakes]);
        Assert.Equal("Decisions on this credential cannot be appealed.", Assert.Single(text[PolicyDocumentWriter.Appeals]));
        Assert.Contains("more than 10 percentage points, they discuss", text[PolicyDocumentWriter.Timelines][0]);
        Assert.Contains("within 1 day;", text[PolicyDocumentWriter.Timelines][1]);
        Assert.Contains("blind", text[PolicyDocumentWriter.Timelines][2]);
    }

    [Fact]
    public void Its_lines_land_in_the_policy_document_sections()
    {
        var facts = new PolicyFacts("Incident Commander", CredentialTier.Advanced, "SRE", "1.0.0", [], null, false, null, 2, 70, null,
            AssessmentPolicyText.Sections(AssessmentPolicy.Default));

        var document = PolicyDocumentWriter.Write(facts, DateTimeOffset.UnixEpoch);

        var sections = document.Sections.ToDictionary(s => s.Key);
        Assert.True(sections[PolicyDocumentWriter.Retakes].Configured);
        Assert.True(sections[PolicyDocumentWriter.Appeals].Configured);
        Assert.False(sections[PolicyDocumentWriter.Renewal].Configured);
        Assert.Equal("2 independent evaluators are assigned as soon as an attempt is submitted.", sections[PolicyDocumentWriter.Timelines].Lines[1]);
    }
}
