using CertGrid.Domain.Onboarding;

namespace CertGrid.Abstractions.Onboarding;

/// <summary>An import as its admin follows it: where it stands, the dry run's counts and first errors, and the progress of applying it.</summary>
/// <param name="NewRows">Rows that will enrol (or enrolled) a learner.</param>
/// <param name="UnchangedRows">Rows whose email the community already has: left as they are (importing a file twice changes nothing).</param>
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
    [property: Id(9)] long EnrolledRows,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? CompletedAt);
