using CertGrid.Domain.Credentials.StatusLists;

namespace CertGrid.Abstractions.Credentials;

/// <summary>A published, signed status list credential and the version of the list it shows.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.published-status-list")]
public sealed record PublishedStatusList(
    [property: Id(0)] string Jwt,
    [property: Id(1)] string DocumentJson,
    [property: Id(2)] long Version,
    [property: Id(3)] TimeSpan TimeToLive);

/// <summary>
/// One Bitstring Status List of a community (131,072 entries of <see cref="StatusPurposes.EntryBits"/> bits): which
/// indexes are taken and what each entry says. Key: <c>{community}/{purpose}/{listNumber}</c>, e.g. <c>acme/message/1</c>.
/// </summary>
public interface IStatusListGrain : IGrainWithStringKey
{
    /// <summary>
    /// Hands out up to <paramref name="count"/> indexes never handed out before, in an order that looks random (a block
    /// for an allocator to give to credentials one by one), stored before they are returned; none when the list has no
    /// more to give.
    /// </summary>
    Task<IReadOnlyList<int>> ReserveAsync(int count);

    /// <summary>Writes the entry of an allocated index (0 or 1 in a 1-bit list, a <see cref="CredentialStatusCode"/> in a message list). Idempotent.</summary>
    Task SetAsync(int index, int value);

    /// <summary>The current entry of an index: what a verifier reading the published list would see now.</summary>
    [ReadOnly]
    Task<int> GetAsync(int index);

    /// <summary>The list as a signed BitstringStatusListCredential, re-signed whenever a bit has changed.</summary>
    Task<PublishedStatusList> PublishAsync();
}

/// <summary>
/// Hands out status-list entries for a community and purpose, from blocks of indexes it reserves on the current list,
/// opening a new list when one has no more to give. Key: <c>{community}/{purpose}</c>.
/// </summary>
public interface IStatusListAllocatorGrain : IGrainWithStringKey
{
    Task<StatusListEntry> AllocateAsync();

    /// <summary>The number of the list now being filled (lists 1..n exist).</summary>
    [ReadOnly]
    Task<int> GetCurrentListAsync();
}
