namespace CertGrid.Abstractions.Consents.PublicLinks;

/// <summary>
/// A learner's public links to their credentials (consent (a) "or as a public link"): created and revoked by the learner;
/// each revocation closes the link itself before it answers. Key: <c>{community}/{learnerId}</c>.
/// </summary>
public interface ILearnerPublicLinksGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates a public link to one of the learner's own credentials under <paramref name="linkId"/> (idempotent for the
    /// same id and credential). NOT_FOUND for a credential that is not theirs; POLICY_VIOLATION past the limit of active links.
    /// </summary>
    Task<PublicLink> CreateAsync(string linkId, string credentialId);

    /// <summary>Revokes a link (idempotent): its URL answers 404 from the next request on. NOT_FOUND for no such link.</summary>
    Task<PublicLink> RevokeAsync(string linkId);

    /// <summary>Every link, newest first, revoked ones included.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PublicLink>> ListAsync();

    /// <summary>The learner's erasure: closes every link (404 from the next request on) and forgets them all. Idempotent.</summary>
    Task EraseAsync();
}
