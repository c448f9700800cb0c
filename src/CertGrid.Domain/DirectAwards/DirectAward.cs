namespace CertGrid.Domain.DirectAwards;

/// <summary>
/// A credential awarded straight from one of the community's own systems (a course completed, an event attended), as the
/// <c>awardCredential</c> mutation and the award webhook take it. The learner is named by id or by email (exactly one);
/// <see cref="ExternalId"/> is the sending system's id of what was completed: the same external id always names the same
/// award, so sending it again issues nothing new.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.direct-award")]
public sealed record DirectAward(
    [property: Id(0)] string DefinitionId,
    [property: Id(1)] string? LearnerId,
    [property: Id(2)] string? LearnerEmail,
    [property: Id(3)] string ExternalId,
    [property: Id(4)] string Source,
    [property: Id(5)] IReadOnlyList<AwardEvidence> Evidence);

/// <summary>A link to what earned the award (a certificate of completion, a course page), with its title.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.award-evidence")]
public sealed record AwardEvidence([property: Id(0)] string Url, [property: Id(1)] string Title);
