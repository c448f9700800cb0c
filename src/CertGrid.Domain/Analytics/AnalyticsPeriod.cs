using System.Globalization;

namespace CertGrid.Domain.Analytics;

/// <summary>
/// Analytics are kept per community per calendar month (UTC), so one shard's state stays bounded however long the
/// program runs, and a time window is the months it spans.
/// </summary>
public static class AnalyticsPeriod
{
    /// <summary>The period an instant falls in, as "yyyy-MM".</summary>
    public static string Of(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Every period from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>, oldest first.</summary>
    public static IReadOnlyList<string> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var first = new DateTime(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var last = new DateTime(to.UtcDateTime.Year, to.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var periods = new List<string>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            periods.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        return periods;
    }
}
