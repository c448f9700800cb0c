using System.Globalization;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Assessments;

/// <summary>
/// An assessment policy in the words of a credential's published policy document: how disagreements, review
/// deadlines and blind review work (timelines), when a learner may try again (retakes) and how to appeal (appeals).
/// </summary>
public static class AssessmentPolicyText
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Sections(AssessmentPolicy policy) => new Dictionary<string, IReadOnlyList<string>>
    {
        [PolicyDocumentWriter.Timelines] = Timelines(policy),
        [PolicyDocumentWriter.Retakes] = Retakes(policy.Retake),
        [PolicyDocumentWriter.Appeals] = [Appeals(policy.AppealWindowDays)],
    };

    private static List<string> Timelines(AssessmentPolicy policy)
    {
        var lines = new List<string>
        {
            policy.Consensus.OnDisagreement == DisagreementAction.Discussion
                ? $"When evaluators disagree on pass or fail{Beyond(policy.Consensus)}, they discuss the attempt and the lead evaluator records the panel's decision."
                : $"When evaluators disagree on pass or fail{Beyond(policy.Consensus)}, up to {Number(policy.Consensus.MaxAdditionalEvaluators)} more independent evaluators are added and the majority decides; a discussion settles a panel that still disagrees.",
        };
        if (policy.ReviewDeadlineDays is { } days)
        {
            lines.Add($"Each evaluator reviews within {Days(days)}; an overdue review is reassigned to another evaluator.");
        }

        if (policy.BlindReview)
        {
            lines.Add("Review is blind: evaluators see a pseudonym and anonymised evidence, never the learner's identity.");
        }

        return lines;
    }

    private static List<string> Retakes(RetakePolicy retake)
    {
        var lines = new List<string>
        {
            retake.MaxAttemptsPerPeriod is { } max
                ? $"At most {Number(max)} attempts in any {Days(retake.PeriodDays)}."
                : "The number of attempts is not limited.",
            retake.CooldownDaysAfterFail > 0
                ? $"After a failed attempt, wait {Days(retake.CooldownDaysAfterFail)} from the decision before attempting again."
                : "A failed attempt may be followed by a new one at once.",
        };
        if (retake.RemediationAfterFails is { } fails)
        {
            lines.Add($"After {Number(fails)} failed attempts, a diagnostic self-assessment is required before the next attempt.");
        }

        return lines;
    }

    private static string Appeals(int? windowDays) => windowDays is { } days
        ? $"A failed decision may be appealed within {Days(days)}, with a written case and evidence; evaluators who took no part in the decision review it."
        : "Decisions on this credential cannot be appealed.";

    private static string Beyond(ConsensusPolicy consensus) => consensus.TolerancePoints is { } points
        ? $" and their scores differ by more than {Number(points)} percentage points"
        : string.Empty;

    private static string Days(int days) => days == 1 ? "1 day" : $"{Number(days)} days";

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
