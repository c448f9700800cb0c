using System.Globalization;
using CertGrid.Domain.Credentials.StatusLists;

namespace CertGrid.Grains.Credentials.StatusLists;

/// <summary>Grain keys of status lists and their allocators.</summary>
public static class StatusListKeys
{
    public static string Of(string community, StatusPurpose purpose, int listNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{community}/{purpose.ToWireName()}/{listNumber}");

    public static string Allocator(string community, StatusPurpose purpose) => $"{community}/{purpose.ToWireName()}";
}
