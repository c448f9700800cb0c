namespace CertGrid.Domain.Audit;

/// <summary>
/// The result of recomputing a chain: intact (with the hash of its last entry, the anchor an exported copy is checked
/// against), or the first entry where it breaks and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.chain-verification")]
public sealed record ChainVerification(
    [property: Id(0)] bool Intact,
    [property: Id(1)] long EntriesChecked,
    [property: Id(2)] long? FirstBrokenSequence,
    [property: Id(3)] string? Problem,
    [property: Id(4)] string? HeadHash = null);
