using System.ComponentModel.DataAnnotations;

namespace CertGrid.Grains.Credentials.StatusLists;

/// <summary>How status lists are published (section <c>StatusLists</c>).</summary>
public sealed class StatusListOptions
{
    public const string SectionName = "StatusLists";

    /// <summary>How long verifiers may cache a list: its <c>ttl</c> and HTTP max-age. A change is public within it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "StatusLists:TimeToLive must be between 1 second and 1 day.")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);
}
