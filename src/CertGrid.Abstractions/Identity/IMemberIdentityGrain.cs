namespace CertGrid.Abstractions.Identity;

/// <summary>
/// A person's sign-in identity in a community (issuer + subject) and the member records it is linked to. The first
/// sign-in as a learner or evaluator links it: to the member an admin invited with the person's verified email, or
/// else to the one learner or evaluator enrolled with that verified email. Key: <c>{community}/{idn_…}</c>
/// (<see cref="Domain.Identity.ExternalIdentityId"/>).
/// </summary>
public interface IMemberIdentityGrain : IGrainWithStringKey
{
    /// <summary>
    /// The member this identity acts as in the role the token gives; links it on first sign-in. UNAUTHENTICATED when no
    /// member can be linked (no invitation and no member with the verified email), with what to do about it.
    /// </summary>
    Task<SignedInMember> SignInAsync(ExternalSignIn signIn);

    /// <summary>
    /// Unlinks the identity from this learner (their erasure); once linked to nobody, the provider's issuer and subject
    /// are forgotten too. A later sign-in links afresh, or is refused when no member has the email any more. Idempotent.
    /// </summary>
    Task ForgetLearnerAsync(string learnerId);
}
