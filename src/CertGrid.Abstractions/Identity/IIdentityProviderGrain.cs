using CertGrid.Domain.Identity;

namespace CertGrid.Abstractions.Identity;

/// <summary>
/// A community's OpenID Connect provider settings and its admins' invitations of people who will sign in with it.
/// Key: the community id.
/// </summary>
public interface IIdentityProviderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets (or replaces) the provider. VALIDATION_FAILED for bad settings; CONFLICT when another community already
    /// accepts tokens of the same issuer for the same audience (each pair names one community).
    /// </summary>
    Task<IdentityProviderSettings> ConfigureAsync(IdentityProviderSettings settings, string actor);

    /// <summary>The provider, or null when the community has none.</summary>
    [ReadOnly]
    Task<IdentityProviderSettings?> GetAsync();

    /// <summary>Invites a person: whoever first signs in with this verified email becomes this learner or evaluator. Replaces an earlier invitation of the email.</summary>
    Task<MemberInvitation> InviteAsync(MemberInvitation invitation, string actor);

    /// <summary>The open invitation of a (lower-case) email, or null.</summary>
    [ReadOnly]
    Task<MemberInvitation?> FindInvitationAsync(string email);

    /// <summary>Removes the invitations that name this learner (their erasure). Idempotent.</summary>
    Task ForgetInvitationsOfAsync(string learnerId);
}
