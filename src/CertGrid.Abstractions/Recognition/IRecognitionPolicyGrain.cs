using CertGrid.Abstractions.Governance;
using CertGrid.Domain.Recognition;

namespace CertGrid.Abstractions.Recognition;

/// <summary>A community's contributor badges: which micro-credential each kind of contribution earns, and at what count. Key: the community id.</summary>
public interface IRecognitionPolicyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Replaces the rules; each badge must be a published micro-credential. With a steering committee, only as the
    /// committee's newest approved proposal for the badges says (POLICY_VIOLATION otherwise).
    /// </summary>
    Task<IReadOnlyList<BadgeRule>> SetAsync(IReadOnlyList<BadgeRule> rules, string actor);

    /// <summary>Puts these rules, exactly as given (validated), to the steering committee.</summary>
    Task<ProposalInfo> ProposeAsync(IReadOnlyList<BadgeRule> rules, string? note, string actor, string? proposerPerson);

    [ReadOnly]
    Task<IReadOnlyList<BadgeRule>> GetAsync();
}
