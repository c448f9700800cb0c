namespace CertGrid.Domain.Credentials;

/// <summary>The life of a signing key.</summary>
public enum SigningKeyStatus
{
    /// <summary>Signs new credentials. One per community.</summary>
    Active,

    /// <summary>Rotated out: signs nothing new, stays published so earlier credentials keep verifying.</summary>
    Retired,

    /// <summary>Withdrawn as compromised: unpublished, and what it signed must be re-issued.</summary>
    Compromised,
}
