using CertGrid.Domain.Consents;
using CertGrid.Domain.Talent;

namespace CertGrid.Abstractions.Consents;

/// <summary>
/// A learner's consents to partners: credentials shared with one partner, being discoverable in talent search. The
/// learner gives and withdraws them; a withdrawal takes effect before the call returns (talent search and shared
/// reads ask this grain or its read model on every request). Key: <c>{community}/{learnerId}</c>.
/// </summary>
public interface ILearnerConsentGrain : IGrainWithStringKey
{
    /// <summary>Makes the learner discoverable on these terms, replacing (withdrawing) any earlier discoverable consent.</summary>
    Task<ConsentRecord> BecomeDiscoverableAsync(DiscoverableTerms terms);

    /// <summary>Shares one of the learner's credentials with one partner organisation.</summary>
    Task<ConsentRecord> ShareCredentialAsync(string credentialId, string partnerId, string partnerName);

    /// <summary>Withdraws a consent (idempotent); NOT_FOUND for a consent the learner never gave.</summary>
    Task<ConsentRecord> WithdrawAsync(string consentId);

    /// <summary>Every consent record, newest first, withdrawn ones included.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ConsentRecord>> ListAsync();

    /// <summary>The credentials shared with <paramref name="partnerId"/> right now.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> SharedWithAsync(string partnerId);

    /// <summary>Whether partners may contact the learner through CertGrid right now (discoverable, with contact allowed).</summary>
    [ReadOnly]
    Task<bool> AcceptsContactAsync();

    /// <summary>
    /// A credential of the learner changed (issued, renewed, revoked, suspended, reinstated): talent search follows.
    /// Called by the credential's read-model refresh with everything needed, so it never calls back. A renewal
    /// (<paramref name="replacesCredentialId"/>) is found for whatever the credential it renews was found for.
    /// </summary>
    [AlwaysInterleave]
    Task CredentialChangedAsync(TalentCredential credential, string? replacesCredentialId);

    /// <summary>
    /// The learner was erased: every consent record (withdrawn ones too) and the copy of their name go, and their talent
    /// profile leaves the index before this returns. Idempotent.
    /// </summary>
    Task EraseAsync();

    /// <summary>The learner's name was rectified: a discoverable profile shows the new name (if they chose to show it). Idempotent.</summary>
    Task RectifyNameAsync(string name);
}
