using CertGrid.Domain.Relationships;

namespace CertGrid.Domain.Evaluators;

/// <summary>A person the learner has an active, declared relationship with (mentor, sponsor, colleague, ...).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.related-person")]
public sealed record RelatedPerson(
    [property: Id(0)] string Person,
    [property: Id(1)] RelationshipKind Kind);

/// <summary>An evaluator who may not sit on this panel, and why (recused, missed a deadline, reviewed an earlier fail, original panel of an appeal).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.excluded-evaluator")]
public sealed record ExcludedEvaluator(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] string Reason);

/// <summary>
/// What conflict-of-interest rules know about the learner beyond their identity: their declared relationships, the
/// learners they share a cohort with, evaluators excluded for this panel, and whether the learner's organisation is
/// excluded.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.conflict-context")]
public sealed record ConflictContext(
    [property: Id(0)] IReadOnlyList<RelatedPerson> Relationships,
    [property: Id(1)] IReadOnlyList<string> CohortMateLearnerIds,
    [property: Id(2)] IReadOnlyList<ExcludedEvaluator> Excluded,
    [property: Id(3)] bool ExcludeSameOrganisation)
{
    /// <summary>No relationships, cohorts or exclusions known; the learner's organisation is excluded.</summary>
    public static ConflictContext Standard { get; } = new([], [], [], true);

    public ConflictContext Excluding(IEnumerable<ExcludedEvaluator> more) => this with { Excluded = [.. Excluded, .. more] };
}
