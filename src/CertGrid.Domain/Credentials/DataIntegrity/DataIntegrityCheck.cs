namespace CertGrid.Domain.Credentials.DataIntegrity;

/// <summary>The outcome of verifying a Data Integrity proof, with the reason in words when it failed.</summary>
public sealed record DataIntegrityCheck(bool Verified, string Reason, string? VerificationMethod = null)
{
    public static DataIntegrityCheck Failed(string reason, string? verificationMethod = null) => new(false, reason, verificationMethod);
}
