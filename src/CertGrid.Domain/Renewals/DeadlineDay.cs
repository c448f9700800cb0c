using System.Globalization;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Renewals;

/// <summary>
/// Deadlines are scheduled by UTC day. A milestone lands in the bucket of the first midnight at or after it, so
/// when a day's bucket is processed (from 00:00 UTC on) every milestone in it is already due. A bucket is named
/// <c>{yyyyMMdd}-{page}</c> inside its community.
/// </summary>
public static class DeadlineDay
{
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>The day whose bucket holds a milestone at <paramref name="at"/>.</summary>
    public static DateOnly BucketFor(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var day = DateOnly.FromDateTime(utc);
        return utc.TimeOfDay == TimeSpan.Zero ? day : day.AddDays(1);
    }

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static string BucketId(DateOnly day, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{day:yyyyMMdd}-{page}");

    public static (DateOnly Day, int Page) ParseBucketId(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        if (dash != 8
            || !DateOnly.TryParseExact(id[..dash], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !int.TryParse(id[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            throw new CertGridException(ErrorCode.Internal, $"'{id}' is not a deadline bucket id (yyyyMMdd-page).");
        }

        return (day, page);
    }
}
