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
        Assert.StartsWith("Renewal opens 90 days before the credential expires", renewal[0], StringComparison.Ordinal);
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

        Assert.Contains("needs no credits or evidence", text[PolicyDocumentWriter.Renewal][1]);
        Assert.Equal("At expiry the credential stops being valid; there is no grace period.", text[PolicyDocumentWriter.Lifespan][0]);
        Assert.Contains("it stays on record as expired", text[PolicyDocumentWriter.Lifespan][1]);
    }
}
