using CertGrid.Domain.Assessments;
using CertGrid.Domain.Renewals;

namespace CertGrid.Abstractions.Programs;

/// <summary>A credential a community awards. Key: <c>{community}/{definitionId}</c>.</summary>
public interface ICredentialDefinitionGrain : IGrainWithStringKey
{
    /// <summary>Creates the definition, or replaces it while a draft. The rubric must align to the framework.</summary>
    Task<CredentialDefinitionInfo> DefineAsync(DefineCredential command, string actor);

    /// <summary>Publishes it, pinning the framework's published version. The framework must be published.</summary>
    Task<CredentialDefinitionInfo> PublishAsync(string actor);

    /// <summary>The definition, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<CredentialDefinitionInfo> GetAsync();

    /// <summary>
    /// Sets the assessment-integrity policy (validated against the rubric). It can change after publication and
    /// applies to attempts submitted afterwards; attempts keep the policy they were submitted under.
    /// </summary>
    Task<AssessmentPolicy> SetAssessmentPolicyAsync(AssessmentPolicy policy, string actor);

    /// <summary>The policy in force (<see cref="AssessmentPolicy.Default"/> until an admin sets one), or NOT_FOUND.</summary>
    [ReadOnly]
    Task<AssessmentPolicy> GetAssessmentPolicyAsync();

    /// <summary>
    /// Sets how issued credentials live and are renewed (allowed on a published definition: it governs holders, not
    /// the assessment). POLICY_VIOLATION for a credential that never expires.
    /// </summary>
    Task<LifespanPolicy> SetLifespanPolicyAsync(LifespanPolicy policy, string actor);

    /// <summary>The lifespan policy, or null when none is set. NOT_FOUND for an unknown definition.</summary>
    [ReadOnly]
    Task<LifespanPolicy?> GetLifespanPolicyAsync();
}
