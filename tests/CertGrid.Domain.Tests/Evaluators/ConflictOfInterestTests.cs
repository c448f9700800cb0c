using CertGrid.Domain.Evaluators;

namespace CertGrid.Domain.Tests.Evaluators;

public class ConflictOfInterestTests
{
    private static readonly AssessedParty Learner = new("lrn_ada", "ada@example.org", "Acme");

    private static EvaluatorCandidate Candidate(string email = "grace@example.org", string? linked = null, string? organisation = "Acme") =>
        new("evl_1", email, organisation, linked, 0, 5, true);

    [Fact]
    public void Find_flags_the_evaluator_linked_to_the_learner_record()
    {
        Assert.Equal("is the learner", ConflictOfInterest.Find(Candidate(linked: "lrn_ada"), Learner));
    }

    [Theory]
    [InlineData("ada@example.org")]
    [InlineData("ADA@EXAMPLE.ORG")]
    [InlineData("Ada@Example.Org")]
    public void Find_flags_an_evaluator_sharing_the_learner_email_in_any_case(string email)
    {
        Assert.Equal("shares the learner's email address", ConflictOfInterest.Find(Candidate(email), Learner));
    }

    [Fact]
    public void Find_reports_the_link_before_the_email()
    {
        Assert.Equal("is the learner", ConflictOfInterest.Find(Candidate("ada@example.org", "lrn_ada"), Learner));
    }

    [Theory]
    [InlineData("grace@example.org", null)]
    [InlineData("grace@example.org", "lrn_grace")]
    [InlineData("ada@example.com", null)]
    [InlineData("ada.lovelace@example.org", "lrn_ada2")]
    public void Find_clears_an_independent_evaluator(string email, string? linked)
    {
        // Sharing an organisation is not a conflict under the foundation rule.
        Assert.Null(ConflictOfInterest.Find(Candidate(email, linked), Learner));
    }
}
