namespace CertGrid.Abstractions.Credentials;

/// <summary>An issued credential. Key: <c>{community}/{credentialId}</c>.</summary>
public interface ICredentialGrain : IGrainWithStringKey
{
    /// <summary>Builds, signs and stores the credential. Idempotent: issuing again returns the same credential.</summary>
    Task<IssuedCredential> IssueAsync(IssueCredential command);

    /// <summary>The credential, or null if none was issued under this id.</summary>
    [ReadOnly]
    Task<IssuedCredential?> FindAsync();

    /// <summary>Revokes the credential for good, with a reason that is audited. Idempotent.</summary>
    Task<IssuedCredential> RevokeAsync(string reason, string actor);
}
