using CertGrid.Domain.Tenancy;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Tests.Renewals;

public class RenewalReadinessTests
{
    private static readonly DateTimeOffset Issued = new(2027, 1, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = Issued.AddDays(730);
    private static readonly CeCycle Cycle = new(DateOnly.FromDateTime(Issued.UtcDateTime), DateOnly.FromDateTime(Expires.UtcDateTime).AddDays(91));

    private static LifespanPolicy Policy(RenewalEvidence evidence = RenewalEvidence.None) =>
        new(90, new CeRequirement(10, [new CategoryMinimum("ethics", 3)]), evidence, 30, 60, LapseAction.Revoke);

    private static RenewalTimeline Timeline => RenewalTimeline.For(Issued, Expires, Policy());

    private static CeActivity Activity(decimal credits, string category = "technical", CreditVerification verification = CreditVerification.Verified, DateOnly? on = null) =>
        new(EntityId.New("cea"), CeActivityKind.Course, "A course", credits, category, on ?? new DateOnly(2028, 3, 1), null, null, verification, null, null, "learner:x", Issued);

    private static RenewalReadiness Assess(IEnumerable<CeActivity> activities, RenewalStage stage = RenewalStage.RenewalOpen, RenewalEvidence evidence = RenewalEvidence.None, RenewalEvidenceSubmission? submitted = null) =>
        RenewalReadiness.Assess(Policy(evidence), stage, Timeline, Cycle, activities, submitted);

    [Fact]
    public void Enough_verified_credits_with_the_category_minimum_make_it_ready()
    {
        var readiness = Assess([Activity(7), Activity(3, "ethics")]);

        Assert.True(readiness.Ready);
        Assert.Empty(readiness.Missing);
        Assert.Equal(10, readiness.CreditsVerified);
        Assert.Equal(new CategoryProgress("ethics", 3, 3, 0), Assert.Single(readiness.Categories));
    }

    [Fact]
    public void The_learner_sees_exactly_how_many_credits_and_which_category_are_missing()
    {
        var readiness = Assess([Activity(6), Activity(1, "ethics"), Activity(2, "ethics", CreditVerification.SelfReported)]);

        Assert.False(readiness.Ready);
        Assert.Equal(
        [
            (MissingItem.CreditsShort, (string?)null, (decimal?)3m, "3 more verified credits are needed (7 of 10 verified; 2 more await verification)."),
            (MissingItem.CategoryShort, "ethics", 2m, "2 more verified credits in 'ethics' are needed (1 of 3; 2 more await verification)."),
        ], readiness.Missing.Select(m => (m.Code, m.Category, m.Credits, m.Message)));
        Assert.Equal(2, readiness.CreditsPending);
    }

    [Fact]
    public void Rejected_credits_and_credits_outside_the_cycle_do_not_count()
    {
        var readiness = Assess(
        [
            Activity(10, verification: CreditVerification.Rejected),
            Activity(10, on: new DateOnly(2026, 12, 31)),
            Activity(3, "ethics"),
        ]);

        Assert.Equal(3, readiness.CreditsVerified);
        Assert.Equal(0, readiness.CreditsPending);
        Assert.Contains(readiness.Missing, m => m.Code == MissingItem.CreditsShort && m.Credits == 7);
    }

    [Fact]
    public void The_closed_window_is_listed_first_with_the_date_it_opens()
    {
        var readiness = Assess([Activity(7), Activity(3, "ethics")], RenewalStage.Active);

        Assert.False(readiness.Ready);
        Assert.Equal(MissingItem.WindowNotOpen, Assert.Single(readiness.Missing).Code);
        Assert.Contains("2028-10-11", readiness.Missing[0].Message);
    }

    [Fact]
    public void Required_portfolio_evidence_must_be_offered_and_accepted()
    {
        var enough = new[] { Activity(7), Activity(3, "ethics") };
        RenewalEvidenceSubmission Submission(EvidenceStatus status) =>
            new(RenewalEvidence.PortfolioArtifact, "art_x", "ab", null, null, status, status == EvidenceStatus.Rejected ? "blurry scan" : null, Issued);

        Assert.Equal(MissingItem.EvidenceMissing, Assert.Single(Assess(enough, evidence: RenewalEvidence.PortfolioArtifact).Missing).Code);
        Assert.Equal(MissingItem.EvidenceInReview, Assert.Single(Assess(enough, evidence: RenewalEvidence.PortfolioArtifact, submitted: Submission(EvidenceStatus.InReview)).Missing).Code);
        var rejected = Assert.Single(Assess(enough, evidence: RenewalEvidence.PortfolioArtifact, submitted: Submission(EvidenceStatus.Rejected)).Missing);
        Assert.Contains("blurry scan", rejected.Message);
        Assert.True(Assess(enough, evidence: RenewalEvidence.PortfolioArtifact, submitted: Submission(EvidenceStatus.Accepted)).Ready);
    }

    [Fact]
    public void A_missing_reassessment_says_how_to_provide_one()
    {
        var readiness = Assess([Activity(7), Activity(3, "ethics")], evidence: RenewalEvidence.Reassessment);
        Assert.Contains("pass an attempt", Assert.Single(readiness.Missing).Message);
    }

    [Fact]
    public void Without_a_policy_nothing_is_required_but_renewal_is_not_possible()
    {
        var readiness = RenewalReadiness.Assess(null, RenewalStage.Active, RenewalTimeline.For(Issued, Expires, null), Cycle, [], null);
        Assert.Equal(MissingItem.NoPolicy, Assert.Single(readiness.Missing).Code);
        Assert.Equal(0, readiness.CreditsRequired);
    }
}
