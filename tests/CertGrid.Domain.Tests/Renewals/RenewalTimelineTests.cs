using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Tests.Renewals;

public class RenewalTimelineTests
{
    private static readonly DateTimeOffset Issued = new(2027, 1, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = Issued.AddDays(365);

    private static LifespanPolicy Policy(int window = 90, int grace = 30, int lapse = 60) =>
        new(window, CeRequirement.None, RenewalEvidence.None, grace, lapse, LapseAction.Expire);

    [Fact]
    public void A_policy_gives_window_30_and_7_day_reminders_expiry_grace_and_lapse_in_order()
    {
        var timeline = RenewalTimeline.For(Issued, Expires, Policy());

        Assert.Equal(
        [
            (RenewalMilestone.WindowOpened, Expires.AddDays(-90)),
            (RenewalMilestone.ThirtyDaysLeft, Expires.AddDays(-30)),
            (RenewalMilestone.SevenDaysLeft, Expires.AddDays(-7)),
            (RenewalMilestone.Expired, Expires),
            (RenewalMilestone.GraceEnded, Expires.AddDays(30)),
            (RenewalMilestone.Lapsed, Expires.AddDays(90)),
        ], timeline.Milestones.Select(m => (m.Milestone, m.At)));
        Assert.Equal(Expires.AddDays(30), timeline.GraceEndsAt);
        Assert.Equal(Expires.AddDays(90), timeline.LapsesAt);
    }

    [Fact]
    public void Reminders_that_would_come_before_or_with_the_window_opening_are_left_out()
    {
        var timeline = RenewalTimeline.For(Issued, Expires, Policy(window: 30));

        Assert.DoesNotContain(timeline.Milestones, m => m.Milestone == RenewalMilestone.ThirtyDaysLeft);
        Assert.Contains(timeline.Milestones, m => m.Milestone == RenewalMilestone.SevenDaysLeft);
    }

    [Fact]
    public void Without_a_lapse_period_grace_end_is_the_lapse()
    {
        var timeline = RenewalTimeline.For(Issued, Expires, Policy(grace: 14, lapse: 0));

        Assert.DoesNotContain(timeline.Milestones, m => m.Milestone == RenewalMilestone.GraceEnded);
        Assert.Equal(Expires.AddDays(14), timeline.Milestones[^1].At);
    }

    [Fact]
    public void A_window_longer_than_the_validity_opens_at_issue()
    {
        var timeline = RenewalTimeline.For(Issued, Issued.AddDays(20), Policy(window: 60));
        Assert.Equal(Issued, timeline.WindowOpensAt);
    }

    [Fact]
    public void Without_a_policy_only_expiry_is_tracked()
    {
        var timeline = RenewalTimeline.For(Issued, Expires, null);

        Assert.Equal((RenewalMilestone.Expired, Expires), (Assert.Single(timeline.Milestones).Milestone, timeline.Milestones[0].At));
        Assert.Null(timeline.WindowOpensAt);
    }

    [Fact]
    public void Next_is_the_first_milestone_not_reached()
    {
        var timeline = RenewalTimeline.For(Issued, Expires, Policy());

        Assert.Equal(RenewalMilestone.ThirtyDaysLeft, timeline.Next(RenewalMilestone.WindowOpened)!.Milestone);
        Assert.Null(timeline.Next((RenewalMilestone)63));
    }

    [Theory]
    [InlineData("2027-03-01T00:00:00Z", "2027-03-01")]
    [InlineData("2027-03-01T00:00:01Z", "2027-03-02")]
    [InlineData("2027-03-01T23:59:59Z", "2027-03-02")]
    public void A_milestone_lands_in_the_bucket_of_the_first_midnight_at_or_after_it(string at, string day)
    {
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DeadlineDay.BucketFor(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Bucket_ids_round_trip()
    {
        var id = DeadlineDay.BucketId(new DateOnly(2028, 2, 29), 3);
        Assert.Equal("20280229-3", id);
        Assert.Equal((new DateOnly(2028, 2, 29), 3), DeadlineDay.ParseBucketId(id));
        Assert.Throws<CertGridException>(() => DeadlineDay.ParseBucketId("2028-02-29"));
    }
}
