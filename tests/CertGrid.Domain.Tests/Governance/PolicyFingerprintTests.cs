using CertGrid.Domain.Assessments;
using CertGrid.Domain.Governance;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Tests.Governance;

public class PolicyFingerprintTests
{
    private static LifespanPolicy Lifespan(decimal credits, decimal ethics) =>
        new(90, new CeRequirement(credits, [new CategoryMinimum("ethics", ethics)]), RenewalEvidence.None, 30, 0, LapseAction.Revoke);

    [Fact]
    public void The_same_policy_matches_however_its_amounts_are_written_and_any_change_does_not()
    {
        Assert.Equal(PolicyFingerprint.Of("cred_a", Lifespan(20m, 5m)).Fingerprint, PolicyFingerprint.Of("cred_a", Lifespan(20.00m, 5.0m)).Fingerprint);
        Assert.NotEqual(PolicyFingerprint.Of("cred_a", Lifespan(20m, 5m)).Fingerprint, PolicyFingerprint.Of("cred_a", Lifespan(20.5m, 5m)).Fingerprint);
        Assert.NotEqual(PolicyFingerprint.Of("cred_a", Lifespan(20m, 5m)).Fingerprint, PolicyFingerprint.Of("cred_b", Lifespan(20m, 5m)).Fingerprint);
        Assert.NotEqual(PolicyFingerprint.Of("cred_a", AssessmentPolicy.Default).Fingerprint,
            PolicyFingerprint.Of("cred_a", AssessmentPolicy.Default with { AppealWindowDays = 14 }).Fingerprint);
    }

    [Fact]
    public void The_kind_of_policy_is_part_of_what_is_approved_and_the_content_says_it_all()
    {
        var change = PolicyFingerprint.Of("cred_a", AssessmentPolicy.Default with { BlindReview = true });
        Assert.Equal((ProposalKind.AssessmentPolicy, "cred_a", 20), (change.Kind, change.SubjectId, change.Fingerprint.Length));
        Assert.Contains("\"kind\":\"AssessmentPolicy\"", change.Content, StringComparison.Ordinal);
        Assert.Contains("\"blindReview\":true", change.Content, StringComparison.Ordinal);
        Assert.Contains("\"onDisagreement\":\"AddEvaluator\"", change.Content, StringComparison.Ordinal);
        Assert.Contains("\"creditsPerCycle\":20,", PolicyFingerprint.Of("cred_a", Lifespan(20.0m, 5m)).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Badges_are_one_set_whatever_their_order()
    {
        BadgeRule mentor = new(ContributionKind.Mentoring, "cred_m", 2), curator = new(ContributionKind.Curating, "cred_c", 1);
        Assert.Equal(PolicyFingerprint.Of("community", [mentor, curator]).Fingerprint, PolicyFingerprint.Of("community", [curator, mentor]).Fingerprint);
        Assert.NotEqual(PolicyFingerprint.Of("community", [mentor, curator]).Fingerprint, PolicyFingerprint.Of("community", [mentor with { Threshold = 3 }, curator]).Fingerprint);
        Assert.NotEqual(PolicyFingerprint.Of("community", [mentor]).Fingerprint, PolicyFingerprint.Of("community", [mentor, curator]).Fingerprint);
    }
}
