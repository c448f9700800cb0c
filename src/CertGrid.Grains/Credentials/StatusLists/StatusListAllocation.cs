namespace CertGrid.Grains.Credentials.StatusLists;

/// <summary>
/// How a status list hands out indexes: the key of its index permutation and how many ordinals it has handed out in
/// blocks. Stored apart from the list's bits, so reserving a block writes these few bytes and never the 16 KiB list.
/// </summary>
[GenerateSerializer, Alias("certgrid.state.status-list-allocation")]
public sealed class StatusListAllocation
{
    /// <summary>The key of the list's <see cref="Domain.Credentials.StatusLists.StatusIndexPermutation"/> (empty until the first block).</summary>
    [Id(0)] public byte[] Key { get; set; } = [];

    /// <summary>Ordinals handed out so far: the indexes of ordinals 0 to <c>Reserved - 1</c> are taken.</summary>
    [Id(1)] public int Reserved { get; set; }
}
