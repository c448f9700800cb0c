using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Privacy;

/// <summary>
/// A community's retention policy: a learner inactive for <see cref="InactiveYears"/> years is erased. Inactive means
/// no counted activity (see docs/privacy.md, "Retention") since then: their last attempt, decision, credential issued to
/// them, sign-in with their key, continuing-education record or renewal evidence, or else their enrolment.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.retention-policy")]
public sealed record RetentionPolicy([property: Id(0)] int InactiveYears)
{
    public const int MinYears = 1;
    public const int MaxYears = 50;

    /// <summary>The policy with its years checked (VALIDATION_FAILED outside 1–50).</summary>
    public static RetentionPolicy Of(int inactiveYears, string field = "input.inactiveYears") =>
        new(InputRules.RequireRange(inactiveYears, field, MinYears, MaxYears));

    /// <summary>Learners whose last activity is before this instant are inactive at <paramref name="now"/>.</summary>
    public DateTimeOffset InactiveBefore(DateTimeOffset now) => now.AddYears(-InactiveYears);

    /// <summary>When a learner last active at <paramref name="lastActiveAt"/> becomes due for erasure.</summary>
    public DateTimeOffset ErasureDueAt(DateTimeOffset lastActiveAt) => lastActiveAt.AddYears(InactiveYears);

    public bool IsInactive(DateTimeOffset lastActiveAt, DateTimeOffset now) => lastActiveAt < InactiveBefore(now);
}
