using CertGrid.Domain.Access;

namespace CertGrid.Abstractions.Identity;

/// <summary>What a validated access token says about the person: who issued it, whom it names, their email and the role its claims map to.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.external-sign-in")]
public sealed record ExternalSignIn(
    [property: Id(0)] string Issuer,
    [property: Id(1)] string Subject,
    [property: Id(2)] string? Email,
    [property: Id(3)] bool EmailVerified,
    [property: Id(4)] Role Role);

/// <summary>The member a sign-in acts as: the role, the learner or evaluator (null for admins) and the identity's id.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.signed-in-member")]
public sealed record SignedInMember(
    [property: Id(0)] Role Role,
    [property: Id(1)] string? SubjectId,
    [property: Id(2)] string IdentityId);
