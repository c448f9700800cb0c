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
}
