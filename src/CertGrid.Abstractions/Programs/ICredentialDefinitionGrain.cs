using CertGrid.Abstractions.Governance;
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
    /// applies to attempts submitted afterwards; attempts keep the policy they were submitted under. With a
    /// steering committee, a published credential's policy changes only as the committee's newest approved
    /// proposal for it says (POLICY_VIOLATION otherwise); a draft's policies are approved with the draft.
    /// </summary>
    Task<AssessmentPolicy> SetAssessmentPolicyAsync(AssessmentPolicy policy, string actor);

    /// <summary>Puts an assessment policy for this published credential, exactly as given (validated), to the steering committee.</summary>
    Task<ProposalInfo> ProposeAssessmentPolicyAsync(AssessmentPolicy policy, string? note, string actor, string? proposerPerson);

    /// <summary>The policy in force (<see cref="AssessmentPolicy.Default"/> until an admin sets one), or NOT_FOUND.</summary>
    [ReadOnly]
    Task<AssessmentPolicy> GetAssessmentPolicyAsync();

    /// <summary>
    /// Sets how issued credentials live and are renewed (allowed on a published definition: it governs holders, not
    /// the assessment). POLICY_VIOLATION for a credential that never expires, and (with a steering committee, on a
    /// published credential) unless the committee's newest approved proposal for it is this policy.
    /// </summary>
    Task<LifespanPolicy> SetLifespanPolicyAsync(LifespanPolicy policy, string actor);

    /// <summary>Puts a lifespan policy for this published credential, exactly as given (validated), to the steering committee.</summary>
    Task<ProposalInfo> ProposeLifespanPolicyAsync(LifespanPolicy policy, string? note, string actor, string? proposerPerson);

    /// <summary>
    /// Allows or stops direct award (awardCredential, the award webhook), audited. A draft changes freely (the committee
    /// approves it with the draft); a published credential changes only in a community without a steering committee
    /// (POLICY_VIOLATION otherwise: a direct-award policy is not proposed on its own). Setting what is set changes nothing.
    /// </summary>
    Task<CredentialDefinitionInfo> SetDirectAwardAsync(bool allowed, string actor);

    /// <summary>The lifespan policy, or null when none is set. NOT_FOUND for an unknown definition.</summary>
    [ReadOnly]
    Task<LifespanPolicy?> GetLifespanPolicyAsync();
}
