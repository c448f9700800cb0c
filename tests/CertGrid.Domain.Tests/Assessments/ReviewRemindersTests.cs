using CertGrid.Domain.Assessments;

namespace CertGrid.Domain.Tests.Assessments;

/// <summary>When an evaluator is reminded of a review's deadline: a day before it, or halfway through a window shorter than two days.</summary>
public sealed class ReviewRemindersTests
{
    private static readonly DateTimeOffset Assigned = new(2027, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2, 24)] // exactly two days: a day before
    [InlineData(3, 48)]
    [InlineData(14, 13 * 24)]
    public void A_window_of_two_days_or_more_is_reminded_a_day_before_the_deadline(int days, int hoursAfterAssignment) =>
        Assert.Equal(Assigned.AddHours(hoursAfterAssignment), ReviewReminders.RemindAt(Assigned, Assigned.AddDays(days)));

    [Theory]
    [InlineData(24, 12)]
    [InlineData(47, 23.5)]
    [InlineData(1, 0.5)]
    public void A_shorter_window_is_reminded_halfway(int windowHours, double hoursAfterAssignment) =>
        Assert.Equal(Assigned.AddHours(hoursAfterAssignment), ReviewReminders.RemindAt(Assigned, Assigned.AddHours(windowHours)));

    [Fact]
    public void The_reminder_always_falls_after_the_assignment_and_before_the_deadline()
    {
        for (var hours = 1; hours <= 24 * 30; hours++)
        {
            var due = Assigned.AddHours(hours);
            var at = ReviewReminders.RemindAt(Assigned, due);
            Assert.True(at > Assigned && at < due, $"a {hours}-hour window reminded at {at:O}");
        }
    }

    [Fact]
    public void A_deadline_not_after_the_assignment_is_reminded_at_the_deadline()
    {
        Assert.Equal(Assigned, ReviewReminders.RemindAt(Assigned, Assigned));
        Assert.Equal(Assigned.AddHours(-1), ReviewReminders.RemindAt(Assigned, Assigned.AddHours(-1)));
    }
}
