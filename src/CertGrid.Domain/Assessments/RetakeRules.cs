using System.Globalization;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Assessments;

/// <summary>
/// A credential's retake policy applied to a learner's earlier attempts of it: at most N attempts in any period,
/// a cool-down after a fail, and a diagnostic self-assessment after N fails (counted since the last diagnostic).
/// </summary>
public static class RetakeRules
{
    public static RetakeEligibility Check(
        RetakePolicy policy, IReadOnlyList<AttemptHistoryEntry> history, IReadOnlyList<DateTimeOffset> diagnosticsCompletedAt, DateTimeOffset now)
    {
        var reasons = new List<string>();
        var missing = new List<string>();
        DateTimeOffset? next = null;

        if (policy.MaxAttemptsPerPeriod is { } max)
        {
            var period = TimeSpan.FromDays(policy.PeriodDays);
            var inWindow = history.Where(h => h.SubmittedAt > now - period).OrderBy(h => h.SubmittedAt).ToList();
            if (inWindow.Count >= max)
            {
                var frees = inWindow[inWindow.Count - max].SubmittedAt + period;
                next = Later(next, frees);
                reasons.Add(Text($"you have made {inWindow.Count} of the {max} attempt(s) allowed in any {policy.PeriodDays} days, and the next one frees up on {Format(frees)}"));
            }
        }

        var lastFail = history.Where(h => h.Passed == false && h.DecidedAt is not null).Select(h => h.DecidedAt!.Value).DefaultIfEmpty().Max();
        if (policy.CooldownDaysAfterFail > 0 && lastFail != default && lastFail + TimeSpan.FromDays(policy.CooldownDaysAfterFail) > now)
        {
            var ends = lastFail + TimeSpan.FromDays(policy.CooldownDaysAfterFail);
            next = Later(next, ends);
            reasons.Add(Text($"your last attempt failed on {Format(lastFail)} and the cool-down after a fail is {policy.CooldownDaysAfterFail} day(s), until {Format(ends)}"));
        }

        if (policy.RemediationAfterFails is { } threshold)
        {
            var lastDiagnostic = diagnosticsCompletedAt.DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            var failsSince = history.Count(h => h.Passed == false && h.DecidedAt > lastDiagnostic);
            if (failsSince >= threshold)
            {
                missing.Add(Text($"a diagnostic self-assessment against this credential's rubric, completed after your last failed attempt (required after {threshold} failed attempt(s))"));
            }
        }

        return new RetakeEligibility(reasons.Count == 0 && missing.Count == 0, next, reasons, missing);
    }

    /// <summary>The POLICY_VIOLATION for an ineligible learner: why, when they are next eligible, and what is missing.</summary>
    public static CertGridException Violation(RetakeEligibility eligibility, string credentialName)
    {
        var parts = new List<string> { $"You cannot attempt '{credentialName}' yet:" };
        if (eligibility.Reasons.Count > 0)
        {
            parts.Add(string.Join("; ", eligibility.Reasons) + ".");
        }

        if (eligibility.Missing.Count > 0)
        {
            parts.Add("Missing: " + string.Join("; ", eligibility.Missing) + ".");
        }

        parts.Add(eligibility.NextEligibleAt is { } at
            ? eligibility.Missing.Count > 0
                ? $"You are next eligible on {Format(at)}, once what is missing is done."
                : $"You are next eligible on {Format(at)}."
            : "You are eligible as soon as what is missing is done.");
        return CertGridException.Policy(string.Join(" ", parts));
    }

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c > candidate ? c : candidate;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
