using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Tests.Renewals;

public sealed class LifespanPolicyTextTests
{
    [Fact]
    public void Credits_evidence_grace_and_lapse_are_all_spelled_out()
    {
        var policy = new LifespanPolicy(90, new CeRequirement(20m, [new CategoryMinimum("ethics", 5m), new CategoryMinimum("safety", 2.5m)]),
            RenewalEvidence.PortfolioArtifact, 30, 60, LapseAction.Revoke);

        var text = LifespanPolicyText.Sections(policy);

        var renewal = text[PolicyDocumentWriter.Renewal];
        Assert.Equal("Renewal opens 90 days before the credential expires; reminders follow 30 and 7 days before expiry.", renewal[0]);
        Assert.Equal("Each cycle needs 20 continuing-education credits, at least 5 in ethics and 2.5 in safety.", renewal[1]);
        Assert.Contains("portfolio artifact", renewal[2]);
        Assert.Equal(
            ["At expiry the credential is suspended for a grace period of 30 days, during which it can still be renewed.",
             "It can still be renewed for 60 days after the grace period; then it lapses: it is revoked, and only a new certification replaces it."],
            text[PolicyDocumentWriter.Lifespan]);
    }

    [Fact]
    public void A_policy_without_credits_grace_or_lapse_period_says_so()
    {
        var text = LifespanPolicyText.Sections(new LifespanPolicy(30, CeRequirement.None, RenewalEvidence.None, 0, 0, LapseAction.Expire));

        Assert.Equal("Renewal opens 30 days before the credential expires; reminders follow 7 days before expiry.", text[PolicyDocumentWriter.Renewal][0]);
        Assert.Contains("needs no credits or evidence", text[PolicyDocumentWriter.Renewal][1]);
        Assert.Equal("At expiry the credential stops being valid; there is no grace period.", text[PolicyDocumentWriter.Lifespan][0]);
        Assert.Contains("it stays on record as expired", text[PolicyDocumentWriter.Lifespan][1]);
    }

    [Fact]
    public void A_window_shorter_than_a_week_promises_no_reminders_the_timeline_would_not_send()
    {
        var policy = new LifespanPolicy(5, CeRequirement.None, RenewalEvidence.None, 0, 0, LapseAction.Expire);
        var expiresAt = new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("Renewal opens 5 days before the credential expires.", LifespanPolicyText.Sections(policy)[PolicyDocumentWriter.Renewal][0]);
        Assert.DoesNotContain(RenewalTimeline.For(expiresAt.AddYears(-1), expiresAt, policy).Milestones,
            m => m.Milestone is RenewalMilestone.ThirtyDaysLeft or RenewalMilestone.SevenDaysLeft);
    }
}
