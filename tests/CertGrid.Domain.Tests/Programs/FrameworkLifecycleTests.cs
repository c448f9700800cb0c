namespace CertGrid.Domain.Tests.Programs;

public class FrameworkLifecycleTests
{
    [Theory]
    [InlineData(FrameworkVersionStatus.Proposed, true, false, FrameworkVersionStatus.Approved)]
    [InlineData(FrameworkVersionStatus.Proposed, false, false, FrameworkVersionStatus.Draft)]
    [InlineData(FrameworkVersionStatus.Proposed, null, false, FrameworkVersionStatus.Proposed)]
    [InlineData(FrameworkVersionStatus.Published, null, true, FrameworkVersionStatus.Retired)]
    [InlineData(FrameworkVersionStatus.Published, null, false, FrameworkVersionStatus.Published)]
    [InlineData(FrameworkVersionStatus.Draft, null, false, FrameworkVersionStatus.Draft)]
    public void Committee_decisions_move_the_effective_status(FrameworkVersionStatus stored, bool? approved, bool retirementApproved, FrameworkVersionStatus expected) =>
        Assert.Equal(expected, FrameworkLifecycle.Effective(stored, approved, retirementApproved));

    [Fact]
    public void Without_governance_a_draft_publishes_and_with_it_only_an_approved_version_does()
    {
        FrameworkLifecycle.RequirePublishable(FrameworkVersionStatus.Draft, governed: false, "1.0.0");
        FrameworkLifecycle.RequirePublishable(FrameworkVersionStatus.Approved, governed: true, "1.0.0");
        Assert.Equal(ErrorCode.PolicyViolation, Assert.Throws<CertGridException>(() => FrameworkLifecycle.RequirePublishable(FrameworkVersionStatus.Draft, true, "1.1.0")).Code);
        Assert.Equal(ErrorCode.PolicyViolation, Assert.Throws<CertGridException>(() => FrameworkLifecycle.RequirePublishable(FrameworkVersionStatus.Proposed, true, "1.1.0")).Code);
        Assert.Equal(ErrorCode.Conflict, Assert.Throws<CertGridException>(() => FrameworkLifecycle.RequirePublishable(FrameworkVersionStatus.Retired, true, "1.0.0")).Code);
    }

    [Theory]
    [InlineData(FrameworkVersionStatus.Proposed)]
    [InlineData(FrameworkVersionStatus.Approved)]
    [InlineData(FrameworkVersionStatus.Published)]
    [InlineData(FrameworkVersionStatus.Retired)]
    public void Only_drafts_can_change(FrameworkVersionStatus status)
    {
        FrameworkLifecycle.RequireEditable(FrameworkVersionStatus.Draft, "1.0.0");
        Assert.Equal(ErrorCode.Conflict, Assert.Throws<CertGridException>(() => FrameworkLifecycle.RequireEditable(status, "1.0.0")).Code);
    }
}
