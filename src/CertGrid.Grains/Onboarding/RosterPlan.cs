using CertGrid.Domain.Onboarding;

namespace CertGrid.Grains.Onboarding;

/// <summary>
/// What applying a roster does, row by row: enrol the learner under the import's id for them, or leave the learner the
/// community already has with that email. Rebuilt from the uploaded file and the learners read model whenever an
/// activation needs it, so a restart loses nothing.
/// </summary>
public sealed record RosterPlan(ParsedRoster Roster, IReadOnlyList<PlannedLearner> Learners)
{
    public long NewRows => Learners.Count(l => l.ExistingLearnerId is null);

    public long UnchangedRows => Learners.Count - NewRows;

    public IEnumerable<ImportResultLine> Results(long appliedThrough) =>
        Learners.Select((l, i) => new ImportResultLine(l.Row.Line, l.Row.Email,
                l.ExistingLearnerId is not null ? "unchanged: already enrolled" : i < appliedThrough ? "enrolled" : "to enrol", l.ExistingLearnerId ?? l.NewLearnerId))
            .Concat(Roster.Errors.Select(e => new ImportResultLine(e.Line, string.Empty, "error", null, e)));
}

/// <summary>A good row of the roster and what it becomes.</summary>
public sealed record PlannedLearner(LearnerImportRow Row, string NewLearnerId, string? ExistingLearnerId);
