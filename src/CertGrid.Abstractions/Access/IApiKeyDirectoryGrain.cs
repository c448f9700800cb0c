using CertGrid.Abstractions.Paging;

namespace CertGrid.Abstractions.Access;

/// <summary>Lists a community's API keys from the read model. Key: the community id.</summary>
public interface IApiKeyDirectoryGrain : IGrainWithStringKey
{
    Task<Page<ApiKeyInfo>> ListAsync(PageRequest page);
}
