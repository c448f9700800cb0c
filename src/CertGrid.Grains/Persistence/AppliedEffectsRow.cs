using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// How far a grain's stored effects are known applied (partition: community; row key: the grain id, escaped, as its
/// mark). A grain's stored state keeps listing the effects it applied until its next write; rather than writing the
/// whole state once more to forget them when it is collected as idle, the grain upserts this small row — shared with
/// the rows of the other grains collected at the same time in one table batch — and a later activation drops the
/// effects it covers instead of applying them again.
/// Written only after the effects it covers were applied, and read only against the record it names
/// (<see cref="DurableState.Incarnation"/>), so an effect not applied is never skipped: a lost or late row only means
/// effects applied again, which they allow.
/// </summary>
public sealed class AppliedEffectsRow : ReadModelRow
{
    public string Incarnation { get; set; } = string.Empty;

    /// <summary>Every effect of the record up to this sequence was applied.</summary>
    public long AppliedThrough { get; set; }

    public static AppliedEffectsRow Of(string community, GrainId grain, string incarnation, long appliedThrough) => new()
    {
        PartitionKey = community,
        RowKey = PendingEffectsRow.RowKeyOf(grain),
        Incarnation = incarnation,
        AppliedThrough = appliedThrough,
    };
}
