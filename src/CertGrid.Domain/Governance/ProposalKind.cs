using CertGrid.Domain.Errors;
namespace CertGrid.Domain.Governance;

/// <summary>The changes that need the steering committee's approval once a community has governance.</summary>
public enum ProposalKind
{
    /// <summary>Publishing a new version of a competency framework.</summary>
    FrameworkVersion,
    /// <summary>Retiring a published framework version.</summary>
    FrameworkRetirement,
    /// <summary>Publishing a credential definition: its rubric, eligibility rules, prerequisites and policies.</summary>
    CredentialDefinition,
    /// <summary>Activating a stackable pathway.</summary>
    Pathway,
    /// <summary>Changing the assessment policy (retakes, appeals, consensus...) of a published credential.</summary>
    AssessmentPolicy,
    /// <summary>Changing the lifespan and renewal policy of a published credential.</summary>
    LifespanPolicy,
    /// <summary>Changing the community's contributor badges and their thresholds.</summary>
    RecognitionPolicy,
}

/// <summary>Where a proposal stands.</summary>
public enum ProposalStatus
{
    /// <summary>Awaiting the committee's votes.</summary>
    Open,
    /// <summary>The quorum approved it; an admin may apply it.</summary>
    Approved,
    /// <summary>The committee rejected it.</summary>
    Rejected,
    /// <summary>Withdrawn by an admin or its proposer.</summary>
    Withdrawn,
}
