namespace CertGrid.Abstractions.Credentials;

/// <summary>
/// The credentials a learner's OB 3.0 clients stored in their record (the OB 3.0 API's host side). Key:
/// <c>{community}/{learnerId}</c>, through <see cref="CredentialGrainReferences"/>.
/// </summary>
public interface IHostedCredentialsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the credential, replacing one with the same id; true when it is new. POLICY_VIOLATION when the record
    /// would exceed its size or count limit.
    /// </summary>
    Task<bool> UpsertAsync(string content, bool isCompactJws, string credentialId);

    /// <summary>The stored credentials, oldest first.</summary>
    [ReadOnly]
    Task<HostedCredentialPage> ListAsync(int offset, int limit);

    /// <summary>Deletes every stored credential (the learner's erasure); idempotent.</summary>
    Task EraseAsync();
}
