namespace CertGrid.Domain.Credentials;

/// <summary>The lifecycle state of an issued credential.</summary>
public enum CredentialStatus
{
    Active,
    Suspended,
    Revoked,
}
