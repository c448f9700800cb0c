using System.Text.RegularExpressions;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Assessments;

/// <summary>What makes an assessment policy acceptable for a credential's rubric. Applied when an admin sets it.</summary>
public static partial class AssessmentPolicyRules
{
    public const int MaxPrompts = 10;

    public static AssessmentPolicy Validate(AssessmentPolicy? policy, Rubric rubric, string field = "input")
    {
        if (policy is null)
        {
            throw CertGridException.Invalid(field, $"'{field}' is required.");
        }

        var consensus = policy.Consensus ?? ConsensusPolicy.Default;
        if (consensus.TolerancePoints is { } tolerance)
        {
            InputRules.RequireRange(tolerance, $"{field}.consensus.tolerancePoints", 0, 100);
        }

        RequireDefined(consensus.OnDisagreement, $"{field}.consensus.onDisagreement");
        InputRules.RequireRange(consensus.MaxAdditionalEvaluators, $"{field}.consensus.maxAdditionalEvaluators", 0, 5);

        var retake = policy.Retake ?? RetakePolicy.Default;
        if (retake.MaxAttemptsPerPeriod is { } max)
        {
            InputRules.RequireRange(max, $"{field}.retake.maxAttemptsPerPeriod", 1, 100);
        }

        InputRules.RequireRange(retake.PeriodDays, $"{field}.retake.periodDays", 1, 3660);
        InputRules.RequireRange(retake.CooldownDaysAfterFail, $"{field}.retake.cooldownDaysAfterFail", 0, 365);
        if (retake.RemediationAfterFails is { } fails)
        {
            InputRules.RequireRange(fails, $"{field}.retake.remediationAfterFails", 1, 20);
        }

        if (policy.ReviewDeadlineDays is { } deadline)
        {
            InputRules.RequireRange(deadline, $"{field}.reviewDeadlineDays", 1, 90);
        }

        if (policy.AppealWindowDays is { } window)
        {
            InputRules.RequireRange(window, $"{field}.appealWindowDays", 1, 365);
        }

        RequireDefined(policy.Expertise, $"{field}.expertise");
        var language = policy.RequiredLanguage is null ? null : RequireLanguage(policy.RequiredLanguage, $"{field}.requiredLanguage");

        var booking = policy.Booking ?? BookingPolicy.Default;
        InputRules.RequireRange(booking.ChangeCutoffHours, $"{field}.booking.changeCutoffHours", 0, 720);
        InputRules.RequireRange(booking.MaxReschedules, $"{field}.booking.maxReschedules", 0, 10);
        InputRules.RequireRange(booking.ReminderHoursBefore, $"{field}.booking.reminderHoursBefore", 1, 336);
        InputRules.RequireRange(booking.MaxActiveBookings, $"{field}.booking.maxActiveBookings", 1, 5);

        var prompts = InputRules.RequireCount(policy.ReflectivePrompts ?? [], $"{field}.reflectivePrompts", 0, MaxPrompts);
        InputRules.RequireUniqueBy(prompts.Select(p => p.Code?.Trim().ToUpperInvariant()), code => code, $"{field}.reflectivePrompts.code");
        var criteria = rubric.Criteria.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var validatedPrompts = prompts.Select((p, i) =>
        {
            var at = $"{field}.reflectivePrompts[{i}]";
            var criterion = InputRules.RequireText(p.CriterionCode, $"{at}.criterionCode", 40);
            if (!criteria.Contains(criterion))
            {
                throw CertGridException.Invalid($"{at}.criterionCode",
                    $"Criterion '{criterion}' is not in this credential's rubric; reflections are scored under one of: {string.Join(", ", criteria)}.");
            }

            return new ReflectivePrompt(RubricRules.RequireCode(p.Code, $"{at}.code"), InputRules.RequireText(p.Prompt, $"{at}.prompt", 1000),
                criterion, InputRules.RequireRange(p.MinWords, $"{at}.minWords", 0, 2000));
        }).ToList();

        return new AssessmentPolicy(consensus, retake, policy.BlindReview, policy.ReviewDeadlineDays, policy.AppealWindowDays,
            policy.ExcludeSameOrganisation, policy.ExcludePreviousFailReviewers, policy.Expertise, language, validatedPrompts, booking);
    }

    /// <summary>A language tag such as <c>en</c>, <c>fr-CA</c> or <c>pt-BR</c>, lower-cased.</summary>
    public static string RequireLanguage(string? value, string field)
    {
        var trimmed = InputRules.RequireText(value, field, 35);
        if (!LanguagePattern().IsMatch(trimmed))
        {
            throw CertGridException.Invalid(field, $"'{field}' must be a language tag such as 'en', 'fr' or 'pt-BR'.");
        }

        return trimmed.ToLowerInvariant();
    }

    private static void RequireDefined<T>(T value, string field)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw CertGridException.Invalid(field, $"'{field}' is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
