using CertGrid.Abstractions.Paging;

namespace CertGrid.Abstractions.Learners;

/// <summary>Lists a community's learners from the learners read model. Key: the community id.</summary>
public interface ILearnerDirectoryGrain : IGrainWithStringKey
{
    Task<Page<LearnerProfile>> ListAsync(PageRequest page);

    /// <summary>The learners enrolled with this (lower-case) email; used to link a first sign-in.</summary>
    Task<IReadOnlyList<LearnerProfile>> FindByEmailAsync(string email);
}
