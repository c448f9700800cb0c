using CertGrid.Domain.Access;

namespace CertGrid.Abstractions.Identity;

/// <summary>An admin's word that the person who signs in with <see cref="Email"/> (verified by the provider) is this learner or evaluator.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.member-invitation")]
public sealed record MemberInvitation(
    [property: Id(0)] string Email,
    [property: Id(1)] Role Role,
    [property: Id(2)] string SubjectId,
    [property: Id(3)] DateTimeOffset InvitedAt);
