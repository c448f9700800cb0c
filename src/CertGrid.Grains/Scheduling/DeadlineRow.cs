using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Scheduling;

namespace CertGrid.Grains.Scheduling;

/// <summary>
/// A scheduled deadline as the Deadlines table keeps it, twice in the community's partition: found by what it is
/// (<c>k|{hash of kind, target and token}</c>) to move or cancel it, and by when it next falls
/// (<c>t|{ticks}|{hash}</c>) for a sweep to read only what is due. Both are written in one batch, so they never disagree.
/// </summary>
public sealed class DeadlineRow : ITableEntity
{
    public const string ByTimePrefix = "t|";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = string.Empty;
    public string Target { get; set; } = string.Empty;
    public string Token { get; set; } = string.Empty;
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>When the deadline next falls: its due time, or after a dispatch the time it is dispatched again.</summary>
    public DateTimeOffset FallsAt { get; set; }

    public ScheduledDeadline ToDeadline() => new(Enum.Parse<DeadlineKind>(Kind), Target, Token, DueAt);

    public static string ByWhat(DeadlineKind kind, string target, string token) =>
        "k|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}|{target}|{token}")))[..32];

    /// <summary>The upper bound of the time-ordered rows that fall at or before <paramref name="at"/>.</summary>
    public static string ByTimeUntil(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"{ByTimePrefix}{at.UtcTicks:D19}|~");

    public static (DeadlineRow ByWhat, DeadlineRow ByTime) Pair(string community, ScheduledDeadline deadline, DateTimeOffset? dispatchedAt, DateTimeOffset fallsAt)
    {
        var what = ByWhat(deadline.Kind, deadline.Target, deadline.Token);
        DeadlineRow Row(string rowKey) => new()
        {
            PartitionKey = community,
            RowKey = rowKey,
            Kind = deadline.Kind.ToString(),
            Target = deadline.Target,
            Token = deadline.Token,
            DueAt = deadline.DueAt,
            DispatchedAt = dispatchedAt,
            FallsAt = fallsAt,
        };
        return (Row(what), Row(string.Create(CultureInfo.InvariantCulture, $"{ByTimePrefix}{fallsAt.UtcTicks:D19}|{what[2..]}")));
    }

    /// <summary>The time-ordered twin of a row found by what it is.</summary>
    public string ByTimeKey => string.Create(CultureInfo.InvariantCulture, $"{ByTimePrefix}{FallsAt.UtcTicks:D19}|{ByWhat(Enum.Parse<DeadlineKind>(Kind), Target, Token)[2..]}");
}

/// <summary>How many deadlines a community has scheduled and how many of them were dispatched (<c>count</c>), kept in every batch that changes either.</summary>
public sealed class DeadlineCountRow : ITableEntity
{
    public const string Key = "count";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = Key;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Scheduled { get; set; }
    public int Dispatched { get; set; }
}
