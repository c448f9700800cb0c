using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Renewals;

/// <summary>The checks a lifespan policy passes before it is stored on a credential definition.</summary>
public static class LifespanPolicyRules
{
    public const int MaxGraceDays = 365;
    public const int MaxLapseAfterDays = 3650;
    public const int MaxCategoryMinimums = 20;

    /// <summary>The policy, normalised (categories lowercase), or VALIDATION_FAILED / POLICY_VIOLATION naming what to fix.</summary>
    public static LifespanPolicy Validate(LifespanPolicy policy, int? validityDays, string field = "input")
    {
        if (validityDays is not { } validity)
        {
            throw CertGridException.Policy("This credential never expires (it has no validityDays), so it has no lifespan to manage. Define a credential with a validity period.");
        }

        InputRules.RequireRange(policy.RenewalWindowDays, $"{field}.renewalWindowDays", 1, validity);
        InputRules.RequireRange(policy.GraceDays, $"{field}.graceDays", 0, MaxGraceDays);
        InputRules.RequireRange(policy.LapseAfterDays, $"{field}.lapseAfterDays", 0, MaxLapseAfterDays);
        if (!Enum.IsDefined(policy.Evidence))
        {
            throw CertGridException.Invalid($"{field}.evidence", $"'{field}.evidence' is not a known kind of renewal evidence.");
        }

        if (!Enum.IsDefined(policy.LapseAction))
        {
            throw CertGridException.Invalid($"{field}.lapseAction", $"'{field}.lapseAction' must be EXPIRE or REVOKE.");
        }

        return policy with { ContinuingEducation = Validate(policy.ContinuingEducation ?? CeRequirement.None, $"{field}.continuingEducation") };
    }

    private static CeRequirement Validate(CeRequirement requirement, string field)
    {
        var total = CeCredits.Require(requirement.CreditsPerCycle, $"{field}.creditsPerCycle", min: 0m);
        var minimums = InputRules.RequireCount(requirement.CategoryMinimums ?? [], $"{field}.categoryMinimums", 0, MaxCategoryMinimums)
            .Select((m, i) => new CategoryMinimum(
                CeCategory.Normalize(m.Category, $"{field}.categoryMinimums[{i}].category"),
                CeCredits.Require(m.Credits, $"{field}.categoryMinimums[{i}].credits")))
            .ToList();
        var duplicate = minimums.GroupBy(m => m.Category).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw CertGridException.Invalid($"{field}.categoryMinimums", $"Category '{duplicate.Key}' appears more than once in '{field}.categoryMinimums'.");
        }

        var sum = minimums.Sum(m => m.Credits);
        if (sum > total)
        {
            throw CertGridException.Invalid($"{field}.categoryMinimums",
                $"The category minimums add up to {sum} credits, more than the {total} credits required per cycle; raise '{field}.creditsPerCycle' to at least {sum}.");
        }

        return new CeRequirement(total, minimums);
    }
}
