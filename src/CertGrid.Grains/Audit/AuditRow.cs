using System.Globalization;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Audit;

/// <summary>
/// The rows of a community's audit partition: entries (<c>e|{sequence}</c>), one idempotency marker per
/// event id (<c>k|{eventId}</c>) and the chain head (<c>head</c>), all written in one atomic batch.
/// </summary>
public sealed class AuditRow : ReadModelRow
{
    public const string EntryPrefix = "e|";
    public const string MarkerPrefix = "k|";
    public const string HeadKey = "head";

    /// <summary>Table string properties hold 64 KiB; details longer than one chunk spill into the next.</summary>
    private const int ChunkLength = 30_000;
    private const int MaxChunks = 4;

    public long Sequence { get; set; }
    public string? EventId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? Subject { get; set; }
    public string? PayloadHash { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
    public string? PayloadSalt { get; set; }
    public bool PayloadErased { get; set; }
    public int DetailChunks { get; set; }
    public string? Details0 { get; set; }
    public string? Details1 { get; set; }
    public string? Details2 { get; set; }
    public string? Details3 { get; set; }

    /// <summary>The most characters of details an entry can carry.</summary>
    public static int MaxDetailsLength => ChunkLength * MaxChunks;

    public static string EntryKey(long sequence) => EntryPrefix + sequence.ToString("D19", CultureInfo.InvariantCulture);

    public static AuditRow Entry(string community, AuditEntry entry)
    {
        var row = new AuditRow
        {
            PartitionKey = community,
            RowKey = EntryKey(entry.Sequence),
            Sequence = entry.Sequence,
            EventId = entry.EventId,
            At = entry.At,
            Actor = entry.Actor,
            Action = entry.Action,
            Subject = entry.Subject,
            PayloadHash = entry.PayloadHash,
            PreviousHash = entry.PreviousHash,
            Hash = entry.Hash,
            PayloadSalt = entry.PayloadSalt,
            PayloadErased = entry.PayloadErased,
        };
        var chunks = Chunk(entry.Details);
        row.DetailChunks = chunks.Count;
        row.Details0 = chunks.ElementAtOrDefault(0);
        row.Details1 = chunks.ElementAtOrDefault(1);
        row.Details2 = chunks.ElementAtOrDefault(2);
        row.Details3 = chunks.ElementAtOrDefault(3);
        return row;
    }

    public static AuditRow Marker(string community, string eventId, long sequence) =>
        new() { PartitionKey = community, RowKey = MarkerPrefix + eventId, Sequence = sequence };

    public static AuditRow Head(string community, ChainHead head) =>
        new() { PartitionKey = community, RowKey = HeadKey, Sequence = head.Sequence, Hash = head.Hash };

    public AuditEntry ToEntry() => new(
        Sequence, EventId ?? string.Empty, At, Actor ?? string.Empty, Action ?? string.Empty, Subject ?? string.Empty,
        string.Concat(new[] { Details0, Details1, Details2, Details3 }.Take(DetailChunks)), PayloadHash ?? string.Empty,
        PreviousHash ?? string.Empty, Hash ?? string.Empty, PayloadSalt, PayloadErased);

    private static List<string> Chunk(string details)
    {
        var chunks = new List<string>();
        for (var i = 0; i < details.Length; i += ChunkLength)
        {
            chunks.Add(details.Substring(i, Math.Min(ChunkLength, details.Length - i)));
        }

        return chunks;
    }
}
