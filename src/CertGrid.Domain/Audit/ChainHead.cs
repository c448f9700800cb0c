namespace CertGrid.Domain.Audit;

/// <summary>The last entry of a chain, all that is needed to append the next one.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.chain-head")]
public sealed record ChainHead(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Hash)
{
    /// <summary>The head of an empty chain.</summary>
    public static ChainHead Empty { get; } = new(0, AuditChain.Genesis);

    public static ChainHead Of(AuditEntry entry) => new(entry.Sequence, entry.Hash);
}
