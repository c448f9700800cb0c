using System.Globalization;
using CertGrid.Abstractions.Tenancy;
using CertGrid.Domain.Credentials.StatusLists;

namespace CertGrid.Abstractions.Credentials;

/// <summary>Typed references to a community's status lists and their allocators (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class StatusListGrainReferences
{
    /// <summary>List <paramref name="listNumber"/> of a purpose: key <c>{community}/{purpose}/{listNumber}</c>, e.g. <c>acme/message/1</c>.</summary>
    public static IStatusListGrain StatusList(this IGrainFactory grains, string community, StatusPurpose purpose, int listNumber) =>
        grains.InCommunity<IStatusListGrain>(community, string.Create(CultureInfo.InvariantCulture, $"{purpose.ToWireName()}/{listNumber}"));

    /// <summary>What hands out a purpose's entries: key <c>{community}/{purpose}</c>.</summary>
    public static IStatusListAllocatorGrain StatusListAllocator(this IGrainFactory grains, string community, StatusPurpose purpose) =>
        grains.InCommunity<IStatusListAllocatorGrain>(community, purpose.ToWireName());
}
