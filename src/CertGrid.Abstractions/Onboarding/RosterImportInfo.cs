using CertGrid.Domain.Onboarding;

namespace CertGrid.Abstractions.Onboarding;

/// <summary>An import as its admin follows it: where it stands, the dry run's counts and first errors, and the progress of applying it.</summary>
/// <param name="NewRows">Rows that will create (or created) something: a learner, an evaluator, a cohort membership, a credential.</param>
/// <param name="UnchangedRows">Rows the community already has (by email, membership or earned credential): left as they are (importing a file twice changes nothing).</param>
/// <param name="CreatedRows">Rows applied so far that created what they describe.</param>
/// <param name="Errors">The first errors (at most 100; the results file has them all).</param>
[GenerateSerializer, Immutable, Alias("certgrid.roster-import-info")]
public sealed record RosterImportInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string FileName,
    [property: Id(2)] RosterImportStatus Status,
    [property: Id(3)] long TotalRows,
    [property: Id(4)] long NewRows,
    [property: Id(5)] long UnchangedRows,
    [property: Id(6)] long ErrorCount,
    [property: Id(7)] IReadOnlyList<ImportRowError> Errors,
    [property: Id(8)] long ProcessedRows,
    [property: Id(9)] long CreatedRows,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? CompletedAt,
    [property: Id(12)] ImportKind Kind = ImportKind.Learners);
