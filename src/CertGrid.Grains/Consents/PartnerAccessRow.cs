using System.Globalization;
using CertGrid.Abstractions.Consents;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Consents;

/// <summary>
/// One entry of a learner's partner-access log: <c>r|{learner}|{newest first}|{unique}</c> for reads,
/// <c>m|…</c> for messages. Partitioned by community.
/// </summary>
public sealed class PartnerAccessRow : ReadModelRow
{
    public string LearnerId { get; set; } = string.Empty;
    public string PartnerId { get; set; } = string.Empty;
    public string PartnerName { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Detail { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }

    public static string Prefix(string learnerId, bool messages) => $"{(messages ? 'm' : 'r')}|{learnerId}|";

    public static PartnerAccessRow From(string community, PartnerAccessEntry entry) => new()
    {
        PartitionKey = community,
        RowKey = Prefix(entry.LearnerId, entry.Kind == PartnerAccessKind.SentMessage)
            + (DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + Guid.NewGuid().ToString("N"),
        LearnerId = entry.LearnerId,
        PartnerId = entry.PartnerId,
        PartnerName = entry.PartnerName,
        Kind = entry.Kind.ToString(),
        Detail = entry.Detail,
        At = entry.At,
    };

    public PartnerAccessEntry ToEntry() => new(LearnerId, PartnerId, PartnerName, Enum.Parse<PartnerAccessKind>(Kind), Detail, At);
}
