using System.ComponentModel.DataAnnotations;

namespace CertGrid.Grains.Credentials.StatusLists;

/// <summary>How status lists are published (section <c>StatusLists</c>).</summary>
public sealed class StatusListOptions
{
    public const string SectionName = "StatusLists";

    /// <summary>How long verifiers may cache a list: its <c>ttl</c> and HTTP max-age. A change is public within it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "StatusLists:TimeToLive must be between 1 second and 1 day.")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Indexes an allocator reserves on a list at a time (one small write per block instead of one per credential).
    /// Indexes of a block not handed out before the allocator deactivates are never used: at most this many per
    /// deactivation of a list of 131,072.
    /// </summary>
    [Range(1, 4096, ErrorMessage = "StatusLists:AllocationBlock must be between 1 and 4096.")]
    public int AllocationBlock { get; set; } = 64;
}
