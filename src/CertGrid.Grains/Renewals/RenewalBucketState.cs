namespace CertGrid.Grains.Renewals;

/// <summary>
/// A bucket page as stored: the packed ids (13 bytes each), ids that do not pack, how far processing got, and
/// whether a later page exists. No audit outbox: deadlines are bookkeeping, the decisions are audited by the
/// credentials' renewal grains.
/// </summary>
[GenerateSerializer, Alias("certgrid.state.renewal-bucket")]
public sealed class RenewalBucketState
{
    [Id(0)] public byte[] Packed { get; set; } = [];
    [Id(1)] public List<string> Other { get; set; } = [];
    [Id(2)] public int PackedDone { get; set; }
    [Id(3)] public int OtherDone { get; set; }
    [Id(4)] public bool HasNextPage { get; set; }

    /// <summary>Counts the times the page was stored whole; the changes stored since carry the same number.</summary>
    [Id(5)] public int Generation { get; set; }
}

/// <summary>
/// A bucket page's changes since it was last stored whole (<see cref="Domain.Renewals.DeadlinePage.TakeChanges"/>), in order;
/// they count only when their <see cref="Generation"/> is the page's.
/// </summary>
[GenerateSerializer, Alias("certgrid.state.renewal-bucket-changes")]
public sealed class RenewalBucketChanges
{
    [Id(0)] public int Generation { get; set; }
    [Id(1)] public List<string> Changes { get; set; } = [];
}
