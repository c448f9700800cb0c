namespace CertGrid.Domain.Credentials;

/// <summary>How one verification check came out.</summary>
public enum CheckOutcome
{
    /// <summary>The check passed.</summary>
    Passed,
    /// <summary>The check failed: the credential is not valid.</summary>
    Failed,
    /// <summary>The check could not be made (for example the status source did not answer): never counts as valid.</summary>
    Indeterminate,
    /// <summary>An earlier failure made the check meaningless (no signature, no issuer to ask).</summary>
    NotChecked,
}
