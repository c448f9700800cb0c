using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Programs;

/// <summary>
/// Applies a credential's eligibility rules to a learner: prerequisites held and valid, time enrolled, cohort
/// membership and assessment windows, a framework version in force. Stateless; reads the learner's record and
/// credentials (progress read model), cohorts and definitions. Key: the community id.
/// </summary>
public interface IEligibilityGrain : IGrainWithStringKey
{
    Task<EligibilityResult> EvaluateAsync(string learnerId, string definitionId);

    /// <summary>POLICY_VIOLATION naming every unmet requirement, unless the learner is eligible.</summary>
    Task RequireEligibleAsync(string learnerId, string definitionId);

    /// <summary>POLICY_VIOLATION unless the learner holds a valid credential of the community (mentors and sponsors must).</summary>
    Task RequireCredentialHolderAsync(string learnerId);
}
