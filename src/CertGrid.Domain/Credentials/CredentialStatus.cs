namespace CertGrid.Domain.Credentials;

/// <summary>The lifecycle state of an issued credential.</summary>
public enum CredentialStatus
{
    /// <summary>Valid (within its validity period).</summary>
    Active,
    /// <summary>Temporarily not valid; an admin may lift the suspension.</summary>
    Suspended,
    /// <summary>Withdrawn for good.</summary>
    Revoked,
    /// <summary>Earned (its id is known from the decision) and not stored yet: its issuance is being applied or retried; never stored as a status.</summary>
    Issuing,
}
