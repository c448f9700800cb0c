using System.Globalization;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Booking;

/// <summary>
/// The rules of live assessment sessions: what slot an evaluator may publish, and until when a learner may cancel or
/// reschedule. Double booking is prevented where bookings are made (one calendar per community), not here.
/// </summary>
public static class BookingRules
{
    public const int MinMinutes = 15;
    public const int MaxMinutes = 480;
    public const int MaxDaysAhead = 365;

    public static void CheckSlot(DateTimeOffset startsAt, int minutes, DateTimeOffset now, string field)
    {
        InputRules.RequireRange(minutes, $"{field}.durationMinutes", MinMinutes, MaxMinutes);
        if (startsAt <= now)
        {
            throw CertGridException.Invalid($"{field}.startsAt", $"'{field}.startsAt' must be in the future (it is {RetakeRules.Format(startsAt)}).");
        }

        if (startsAt > now.AddDays(MaxDaysAhead))
        {
            throw CertGridException.Invalid($"{field}.startsAt", $"Slots can be published at most {MaxDaysAhead} days ahead.");
        }
    }

    public static bool Overlaps(DateTimeOffset aStart, int aMinutes, DateTimeOffset bStart, int bMinutes) =>
        aStart < bStart.AddMinutes(bMinutes) && bStart < aStart.AddMinutes(aMinutes);

    /// <summary>Refuses a learner's cancel or reschedule inside the cut-off before the session, saying until when it was allowed.</summary>
    public static void CheckChangeAllowed(DateTimeOffset startsAt, int cutoffHours, DateTimeOffset now, string change)
    {
        var closes = startsAt.AddHours(-cutoffHours);
        if (now > closes)
        {
            throw CertGridException.Policy(string.Create(CultureInfo.InvariantCulture,
                $"A session can be {change} until {cutoffHours} h before it starts, that is until {RetakeRules.Format(closes)}; this one starts at {RetakeRules.Format(startsAt)}."));
        }
    }

    public static DateTimeOffset ReminderAt(DateTimeOffset startsAt, int hoursBefore) => startsAt.AddHours(-hoursBefore);
}
