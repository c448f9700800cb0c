using System.Globalization;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Appeals;

/// <summary>
/// When a decision may be appealed, and how the appeal panel decides. Only a failed decision is appealed, within the
/// credential's window after it; a new, independent panel reviews; a majority passing overturns, anything else upholds.
/// </summary>
public static class AppealRules
{
    public const int MinJustificationLength = 50;

    public static void CheckWindow(int? windowDays, DateTimeOffset decidedAt, DateTimeOffset now)
    {
        if (windowDays is not { } days)
        {
            throw CertGridException.Policy("This credential's decisions cannot be appealed.");
        }

        var closes = decidedAt + TimeSpan.FromDays(days);
        if (now > closes)
        {
            throw CertGridException.Policy(string.Create(CultureInfo.InvariantCulture,
                $"The appeal window of {days} day(s) after the decision on {RetakeRules.Format(decidedAt)} closed on {RetakeRules.Format(closes)}."));
        }
    }

    public static AppealOutcome Decide(IReadOnlyList<ReviewScore> reviews, int panelSize)
    {
        if (reviews.Count < panelSize)
        {
            return AppealOutcome.Pending;
        }

        var passes = reviews.Count(r => r.Passed);
        return passes * 2 > reviews.Count ? AppealOutcome.Overturned : AppealOutcome.Upheld;
    }

    public static string Explain(IReadOnlyList<ReviewScore> reviews, AppealOutcome outcome)
    {
        var passes = reviews.Count(r => r.Passed);
        var mean = reviews.Count == 0 ? 0 : Math.Round(reviews.Average(r => r.Percent), 2);
        return outcome == AppealOutcome.Overturned
            ? string.Create(CultureInfo.InvariantCulture, $"A majority of the independent appeal panel passed the evidence ({passes} of {reviews.Count}; mean {mean:0.##}%): the decision is overturned.")
            : string.Create(CultureInfo.InvariantCulture, $"The independent appeal panel did not find a majority for a pass ({passes} of {reviews.Count}; mean {mean:0.##}%): the decision is upheld.");
    }
}
