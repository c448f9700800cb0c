using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Tests.Renewals;

public class RenewalStateMachineTests
{
    private static readonly DateTimeOffset Issued = new(2027, 1, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = Issued.AddDays(730);
    private static readonly RenewalTimeline Timeline = RenewalTimeline.For(Issued, Expires,
        new LifespanPolicy(90, CeRequirement.None, RenewalEvidence.None, 30, 60, LapseAction.Revoke));

    [Fact]
    public void Walking_day_by_day_reaches_each_milestone_once_on_its_day_with_its_notice()
    {
        var reached = RenewalMilestone.None;
        var log = new List<(DateTimeOffset Day, RenewalMilestone Milestone, RenewalStage Stage)>();
        for (var day = Issued; day <= Expires.AddDays(120); day = day.AddDays(1))
        {
            var step = RenewalStateMachine.Advance(Timeline, reached, day);
            Assert.Equal(step.NewlyReached, step.Notify);
            reached = step.Reached;
            log.AddRange(step.NewlyReached.Select(m => (day, m, RenewalStateMachine.StageOf(reached, false, false))));
        }

        Assert.Equal(
        [
            (Expires.AddDays(-90), RenewalMilestone.WindowOpened, RenewalStage.RenewalOpen),
            (Expires.AddDays(-30), RenewalMilestone.ThirtyDaysLeft, RenewalStage.RenewalOpen),
            (Expires.AddDays(-7), RenewalMilestone.SevenDaysLeft, RenewalStage.RenewalOpen),
            (Expires, RenewalMilestone.Expired, RenewalStage.Expired),
            (Expires.AddDays(30), RenewalMilestone.GraceEnded, RenewalStage.Expired),
            (Expires.AddDays(90), RenewalMilestone.Lapsed, RenewalStage.Lapsed),
        ], log);
    }

    [Fact]
    public void Advancing_twice_at_the_same_time_changes_nothing_the_second_time()
    {
        var first = RenewalStateMachine.Advance(Timeline, RenewalMilestone.None, Expires.AddDays(-60));
        var second = RenewalStateMachine.Advance(Timeline, first.Reached, Expires.AddDays(-60));

        Assert.Equal([RenewalMilestone.WindowOpened], first.NewlyReached);
        Assert.Empty(second.NewlyReached);
        Assert.Empty(second.Notify);
        Assert.Equal(first.Reached, second.Reached);
        Assert.Equal(RenewalMilestone.ThirtyDaysLeft, second.Next!.Milestone);
    }

    [Fact]
    public void After_downtime_every_due_milestone_takes_effect_but_overtaken_reminders_are_not_sent()
    {
        var step = RenewalStateMachine.Advance(Timeline, RenewalMilestone.None, Expires.AddDays(1));

        Assert.Equal([RenewalMilestone.WindowOpened, RenewalMilestone.ThirtyDaysLeft, RenewalMilestone.SevenDaysLeft, RenewalMilestone.Expired], step.NewlyReached);
        Assert.Equal([RenewalMilestone.Expired], step.Notify);
        Assert.Equal(RenewalStage.Expired, RenewalStateMachine.StageOf(step.Reached, false, false));
    }

    [Fact]
    public void Expiry_and_lapse_are_both_notified_when_both_are_overdue()
    {
        var step = RenewalStateMachine.Advance(Timeline, RenewalMilestone.WindowOpened, Expires.AddDays(200));

        Assert.Equal([RenewalMilestone.Expired, RenewalMilestone.Lapsed], step.Notify);
        Assert.Null(step.Next);
    }

    [Fact]
    public void The_latest_reminder_is_sent_when_several_are_overdue_together()
    {
        var step = RenewalStateMachine.Advance(Timeline, RenewalMilestone.None, Expires.AddDays(-10));
        Assert.Equal([RenewalMilestone.ThirtyDaysLeft], step.Notify);
    }

    [Theory]
    [InlineData(RenewalStage.Active, ErrorCode.PolicyViolation, "window opens on 2028-10-11")]
    [InlineData(RenewalStage.Lapsed, ErrorCode.PolicyViolation, "re-certification")]
    [InlineData(RenewalStage.Closed, ErrorCode.Conflict, "revoked")]
    [InlineData(RenewalStage.Renewed, ErrorCode.PolicyViolation, "already renewed")]
    public void Renewing_is_refused_outside_the_window_with_the_reason(RenewalStage stage, ErrorCode code, string reason)
    {
        var error = Assert.Throws<CertGridException>(() => RenewalStateMachine.RequireRenewable(stage, Timeline, hasPolicy: true));
        Assert.Equal(code, error.Code);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData(RenewalStage.RenewalOpen)]
    [InlineData(RenewalStage.Expired)]
    public void Renewing_is_allowed_in_the_window_and_during_grace(RenewalStage stage) =>
        RenewalStateMachine.RequireRenewable(stage, Timeline, hasPolicy: true);

    [Fact]
    public void Without_a_policy_a_credential_cannot_be_renewed()
    {
        var error = Assert.Throws<CertGridException>(() => RenewalStateMachine.RequireRenewable(RenewalStage.Expired, Timeline, hasPolicy: false));
        Assert.Contains("no lifespan policy", error.Message);
    }

    [Fact]
    public void Renewed_and_closed_override_the_milestones()
    {
        Assert.Equal(RenewalStage.Renewed, RenewalStateMachine.StageOf(RenewalMilestone.Expired, renewed: true, closed: false));
        Assert.Equal(RenewalStage.Closed, RenewalStateMachine.StageOf(RenewalMilestone.WindowOpened, renewed: false, closed: true));
    }
}
