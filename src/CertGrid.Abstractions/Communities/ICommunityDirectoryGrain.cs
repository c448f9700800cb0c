using CertGrid.Abstractions.Paging;

namespace CertGrid.Abstractions.Communities;

/// <summary>Lists communities for the platform operator, from the communities read model. Key: 0.</summary>
public interface ICommunityDirectoryGrain : IGrainWithIntegerKey
{
    Task<Page<CommunityInfo>> ListAsync(PageRequest page);
}
