namespace CertGrid.Abstractions.Credentials;

/// <summary>An issued credential. Key: <c>{community}/{credentialId}</c>.</summary>
public interface ICredentialGrain : IGrainWithStringKey
{
    /// <summary>Builds, signs and stores the credential. Idempotent: issuing again returns the same credential.</summary>
    Task<IssuedCredential> IssueAsync(IssueCredential command);

    /// <summary>
    /// Awards the credential straight from one of the community's systems, through the same signing path as an assessed one,
    /// with the provenance <c>automatic:{source}</c>; the grain's id derives from the award's external id
    /// (<see cref="Domain.DirectAwards.DirectAwardIdentity.CredentialId"/>). The same award again answers the credential
    /// and issues nothing; another award under the same external id is CONFLICT; a definition that does not allow direct
    /// award (or is not published) is POLICY_VIOLATION, and nothing changes.
    /// </summary>
    Task<IssuedCredential> AwardDirectlyAsync(Domain.DirectAwards.DirectAward award, string actor);

    /// <summary>The credential, or null if none was issued under this id.</summary>
    [ReadOnly]
    Task<IssuedCredential?> FindAsync();

    /// <summary>The credential's facts as talent search needs them (no signed document, no holder name), or null if none was issued.</summary>
    [ReadOnly]
    Task<Domain.Talent.TalentCredential?> TalentFactsAsync();

    /// <summary>Revokes the credential for good, with a reason that is audited. Idempotent.</summary>
    Task<IssuedCredential> RevokeAsync(string reason, string actor);

    /// <summary>Suspends the credential (reversible), with a reason that is audited. CONFLICT if revoked. Idempotent.</summary>
    Task<IssuedCredential> SuspendAsync(string reason, string actor);

    /// <summary>Lifts a suspension, with a reason that is audited. CONFLICT if revoked. Idempotent.</summary>
    Task<IssuedCredential> UnsuspendAsync(string reason, string actor);

    /// <summary>
    /// Issues the same achievement again under a new id with the current signing key and new status entries,
    /// links the two, and revokes this one with the reason (after a key compromise, for example). Returns the new
    /// credential; re-issuing again returns the same new credential.
    /// </summary>
    Task<IssuedCredential> ReissueAsync(string reason, string actor);

    /// <summary>Links this credential to the one that replaces it (a renewal or a re-issue). Idempotent.</summary>
    Task<IssuedCredential> MarkReplacedAsync(string replacementCredentialId, string actor);

    /// <summary>
    /// The holder was erased: their name, the signed JWT and document and what the credential was issued from are removed,
    /// and the credential is revoked with the reason published in its status. The copy the holder keeps still verifies by
    /// signature; its status says it was revoked. Idempotent.
    /// </summary>
    Task EraseHolderAsync();

    /// <summary>
    /// A copy of the credential whose subject is <paramref name="holderId"/> (a wallet's DID), signed afresh as a VC-JWT
    /// (<c>jwt_vc_json</c>) or with a Data Integrity proof (<c>ldp_vc</c>): what OpenID4VCI hands a wallet that proved it
    /// holds that key. CONFLICT when the credential is revoked or the format was not offered for it.
    /// </summary>
    Task<string> HolderBoundAsync(string holderId, string format);

    /// <summary>The holder's name was rectified: the credential's records show the new name; the signed JWT keeps the name it was issued with. Idempotent.</summary>
    Task RectifyHolderNameAsync(string name);
}
