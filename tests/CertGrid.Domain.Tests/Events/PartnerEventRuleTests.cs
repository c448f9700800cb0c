using CertGrid.Domain.Errors;
using CertGrid.Domain.Events;

namespace CertGrid.Domain.Tests.Events;

public class PartnerEventRuleTests
{
    private static readonly DateTimeOffset At = new(2027, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ConsentShares Shares = new("lrn_a", [("ptn_1", "vc_shared"), ("ptn_2", "vc_other")]);

    [Theory]
    [InlineData("credential.issued")]
    [InlineData("credential.revoked")]
    [InlineData("credential.suspended")]
    [InlineData("credential.reinstated")]
    [InlineData("credential.renewed")]
    [InlineData("credential.expired")]
    public void A_partner_sees_each_credential_event_about_a_credential_shared_with_it(string type) =>
        Assert.True(PartnerEventRule.Admits(Event(type, "lrn_a", "vc_shared"), "ptn_1", Shares));

    [Fact]
    public void A_partner_sees_nothing_about_a_credential_shared_with_another_partner_or_not_shared_at_all()
    {
        Assert.False(PartnerEventRule.Admits(Event("credential.issued", "lrn_a", "vc_other"), "ptn_1", Shares));
        Assert.False(PartnerEventRule.Admits(Event("credential.issued", "lrn_a", "vc_unshared"), "ptn_1", Shares));
        Assert.False(PartnerEventRule.Admits(Event("credential.issued", "lrn_b", "vc_b"), "ptn_1", null));
    }

    [Fact]
    public void Shares_of_another_learner_never_admit_an_event()
    {
        var sameIdsOtherLearner = Event("credential.issued", "lrn_b", "vc_shared");
        Assert.False(PartnerEventRule.Admits(sameIdsOtherLearner, "ptn_1", Shares));
    }

    [Theory]
    [InlineData("attempt.decided")]
    [InlineData("attempt.submitted")]
    [InlineData("appeal.filed")]
    [InlineData("learner.enrolled")]
    [InlineData("evaluator.assigned")]
    public void Assessment_and_enrolment_events_never_reach_a_partner_even_about_a_shared_credential(string type) =>
        Assert.False(PartnerEventRule.Admits(Event(type, "lrn_a", "vc_shared"), "ptn_1", Shares));

    [Fact]
    public void A_partner_filter_names_only_the_types_a_partner_may_follow()
    {
        Assert.Equal(PartnerEventRule.Types.Order(), PartnerEventRule.RequireKnown(null, "types").Order());
        Assert.Equal(["credential.revoked"], PartnerEventRule.RequireKnown(["credential.revoked"], "types"));
        var refused = Assert.Throws<CertGridException>(() => PartnerEventRule.RequireKnown(["credential.issued", "attempt.decided"], "types"));
        Assert.Equal(("types[1]", ErrorCode.ValidationFailed), (refused.Field, refused.Code));
        Assert.Contains("credential.expired", refused.Message);
    }

    [Fact]
    public void Shares_survive_the_read_model_text_and_ignore_what_is_not_a_pair()
    {
        var read = ConsentShares.Parse("lrn_a", Shares.Serialize() + " garbage");
        Assert.Equal(Shares.Pairs, read.Pairs);
        Assert.Empty(ConsentShares.Parse("lrn_a", null).Pairs);
    }

    private static DomainEvent Event(string type, string learnerId, string credentialId) =>
        new("evt_1", type, At, new EventSubject(LearnerId: learnerId, CredentialId: credentialId, CredentialDefinitionId: "def_1"));
}
