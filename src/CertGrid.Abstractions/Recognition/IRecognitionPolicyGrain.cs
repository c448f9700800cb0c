using CertGrid.Domain.Recognition;

namespace CertGrid.Abstractions.Recognition;

/// <summary>A community's contributor badges: which micro-credential each kind of contribution earns, and at what count. Key: the community id.</summary>
public interface IRecognitionPolicyGrain : IGrainWithStringKey
{
    /// <summary>Replaces the rules; each badge must be a published micro-credential.</summary>
    Task<IReadOnlyList<BadgeRule>> SetAsync(IReadOnlyList<BadgeRule> rules, string actor);

    [ReadOnly]
    Task<IReadOnlyList<BadgeRule>> GetAsync();
}
