namespace CertGrid.Abstractions.Communities;

/// <summary>A community (tenant). Key: the community id.</summary>
public interface ICommunityGrain : IGrainWithStringKey
{
    /// <summary>Opens the community and issues its first admin key. CONFLICT if it already exists.</summary>
    Task<CommunityCreated> CreateAsync(CreateCommunity command, string actor);

    /// <summary>Changes the issuer profile (name, description, url, email, image) used in credentials issued from now on.</summary>
    Task<CommunityInfo> UpdateProfileAsync(UpdateCommunityProfile command, string actor);

    /// <summary>The community, or null if it was never created.</summary>
    [ReadOnly]
    Task<CommunityInfo?> FindAsync();

    /// <summary>The community, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<CommunityInfo> GetAsync();

    /// <summary>Sets the language the community's content is written in; translations add the others.</summary>
    Task<CommunityInfo> SetDefaultLanguageAsync(string language, string actor);
}
