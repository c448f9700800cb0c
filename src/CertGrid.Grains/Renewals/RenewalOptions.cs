using System.ComponentModel.DataAnnotations;

namespace CertGrid.Grains.Renewals;

/// <summary>How renewal deadlines are scheduled and processed (section <c>Renewals</c>).</summary>
public sealed class RenewalOptions
{
    public const string SectionName = "Renewals";

    /// <summary>
    /// How often each community's reminder ticks. A tick processes every day bucket that is due (none most of the
    /// time), so this bounds how late after midnight UTC a day is processed, not how much work there is.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Renewals:SweepPeriod must be between 1 second and 1 day.")]
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Deadlines per bucket page (13 bytes each: 4096 make a 53 KB row, well under the table's entity limit).</summary>
    [Range(2, 60000, ErrorMessage = "Renewals:BucketPageCapacity must be between 2 and 60000.")]
    public int BucketPageCapacity { get; set; } = 4096;

    /// <summary>Credentials advanced per stored progress step when a bucket is processed.</summary>
    [Range(1, 10000, ErrorMessage = "Renewals:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 256;

    /// <summary>Credentials advanced at the same time by one bucket.</summary>
    [Range(1, 512, ErrorMessage = "Renewals:Parallelism must be between 1 and 512.")]
    public int Parallelism { get; set; } = 32;
}
