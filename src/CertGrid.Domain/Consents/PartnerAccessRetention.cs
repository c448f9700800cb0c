using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Consents;

/// <summary>
/// How long a community keeps its partner-access log (which partner read which learner's data, and partners' messages):
/// a community setting in days, two years unless an admin sets otherwise. A daily sweep per community removes older rows.
/// </summary>
public static class PartnerAccessRetention
{
    public const int DefaultDays = 730;

    public const int MinDays = 30;

    public const int MaxDays = 3650;

    /// <summary>How often a community's log is swept.</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromDays(1);

    /// <summary>The days, or VALIDATION_FAILED naming the field with what is acceptable.</summary>
    public static int Validate(int days, string field) => days is >= MinDays and <= MaxDays
        ? days
        : throw CertGridException.Invalid(field, $"The partner-access log must be kept between {MinDays} and {MaxDays} days (it is {days}).");

    /// <summary>Rows recorded before this instant are removed.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int days) => now - TimeSpan.FromDays(days);
}
