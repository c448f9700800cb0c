using CertGrid.Domain.Booking;

namespace CertGrid.Domain.Tests.Booking;

public class BookingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 60, 60, 60, false)]
    [InlineData(0, 60, 59, 60, true)]
    [InlineData(30, 60, 0, 60, true)]
    [InlineData(0, 120, 30, 15, true)]
    [InlineData(90, 30, 0, 90, false)]
    public void Overlap_is_any_shared_minute(int aStart, int aMinutes, int bStart, int bMinutes, bool overlaps)
    {
        Assert.Equal(overlaps, BookingRules.Overlaps(Now.AddMinutes(aStart), aMinutes, Now.AddMinutes(bStart), bMinutes));
        Assert.Equal(overlaps, BookingRules.Overlaps(Now.AddMinutes(bStart), bMinutes, Now.AddMinutes(aStart), aMinutes));
    }

    [Fact]
    public void Slots_are_in_the_future_within_a_year_and_of_sensible_length()
    {
        BookingRules.CheckSlot(Now.AddHours(1), 60, Now, "input");
        Assert.Equal("input.startsAt", Assert.Throws<CertGridException>(() => BookingRules.CheckSlot(Now, 60, Now, "input")).Field);
        Assert.Throws<CertGridException>(() => BookingRules.CheckSlot(Now.AddDays(400), 60, Now, "input"));
        Assert.Equal("input.durationMinutes", Assert.Throws<CertGridException>(() => BookingRules.CheckSlot(Now.AddHours(1), 5, Now, "input")).Field);
    }

    [Fact]
    public void Changes_close_at_the_cutoff_and_the_error_says_until_when()
    {
        var starts = Now.AddHours(30);
        BookingRules.CheckChangeAllowed(starts, 24, Now.AddHours(6), "cancelled");
        var late = Assert.Throws<CertGridException>(() => BookingRules.CheckChangeAllowed(starts, 24, Now.AddHours(6).AddMinutes(1), "cancelled"));
        Assert.Equal(ErrorCode.PolicyViolation, late.Code);
        Assert.Contains("until 2026-11-29 15:00 UTC", late.Message, StringComparison.Ordinal);
        Assert.Equal(starts.AddHours(-24), BookingRules.ReminderAt(starts, 24));
    }
}
