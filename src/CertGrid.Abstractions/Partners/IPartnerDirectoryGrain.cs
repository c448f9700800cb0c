using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Partners;

namespace CertGrid.Abstractions.Partners;

/// <summary>Lists partner organisations (operator) and a community's grants (its admins) from read models. Key: <see cref="Platform"/>.</summary>
public interface IPartnerDirectoryGrain : IGrainWithStringKey
{
    public const string Platform = "platform";

    Task<Page<PartnerProfile>> ListPartnersAsync(PageRequest page);

    /// <summary>The grants <paramref name="community"/> gave, with the partners' names.</summary>
    Task<Page<CommunityPartnerGrant>> ListGrantsAsync(string community, PageRequest page);
}

/// <summary>A grant as the granting community's admins see it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.community-partner-grant")]
public sealed record CommunityPartnerGrant(
    [property: Id(0)] string PartnerId,
    [property: Id(1)] string PartnerName,
    [property: Id(2)] PartnerGrant Grant);
