using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Evaluators;
using CertGrid.Grains.Assessments;

namespace CertGrid.Grains.Appeals;

/// <summary>
/// The rules of an appeal panel's seats: who may never sit on it (the evaluators of the decision appealed, and those who
/// left this appeal's panel), who may review or recuse, and which deadlines the panel waits for.
/// </summary>
internal static class AppealSeats
{
    public static IEnumerable<ExcludedEvaluator> Exclusions(IEnumerable<string> originalEvaluatorIds, IEnumerable<FormerSeat> formerSeats) =>
        originalEvaluatorIds.Select(id => new ExcludedEvaluator(id, "was on the panel of the decision under appeal"))
            .Concat(formerSeats.Select(f => new ExcludedEvaluator(f.EvaluatorId,
                f.Why == SeatRelease.Overdue ? "missed the review deadline on this appeal" : "recused from this appeal")));

    public static PanelDeadlines Deadlines(string appealKey, AppealState state) => new(
        appealKey, state.Outcome == AppealOutcome.Pending, state.Panel, state.Reviews.Select(r => r.EvaluatorId).ToList(), state.RemindedSeats,
        state.PanelSize, DeadlineKind.AppealReviewDue, DeadlineKind.AppealReviewReminder, DeadlineKind.AppealEmptySeat);

    /// <summary>FORBIDDEN off the panel; CONFLICT once the evaluator reviewed or the appeal is decided.</summary>
    public static void RequireOpenSeat(AppealState state, string evaluatorId, string what)
    {
        if (state.Panel.All(s => s.EvaluatorId != evaluatorId))
        {
            throw CertGridException.Forbidden($"You are not on this appeal's panel, so you cannot {what} it.");
        }

        if (state.Reviews.Any(r => r.EvaluatorId == evaluatorId))
        {
            throw CertGridException.Conflict(what == "review"
                ? "You have already reviewed this appeal; a review cannot be submitted twice."
                : "You have already reviewed this appeal, so you can no longer recuse; raise it with an admin.");
        }

        if (state.Outcome != AppealOutcome.Pending)
        {
            throw CertGridException.Conflict($"This appeal was already decided ({state.Outcome}).");
        }
    }
}
