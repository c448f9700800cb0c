using CertGrid.Domain.Assessments;
using Microsoft.Extensions.Time.Testing;

namespace CertGrid.Domain.Tests.Assessments;

/// <summary>Retake policy against a learner's history while a fake clock moves forward.</summary>
public class RetakeRulesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly List<AttemptHistoryEntry> _history = [];
    private readonly List<DateTimeOffset> _diagnostics = [];

    private DateTimeOffset Now => _clock.GetUtcNow();

    private RetakeEligibility Check(RetakePolicy policy) => RetakeRules.Check(policy, _history, _diagnostics, Now);

    private void Attempt(bool? passed, TimeSpan reviewTime = default)
    {
        _history.Add(new AttemptHistoryEntry($"att_{_history.Count}", Now, passed, passed is null ? null : Now + reviewTime));
        _clock.Advance(reviewTime);
    }

    [Fact]
    public void The_default_policy_never_blocks()
    {
        for (var i = 0; i < 20; i++)
        {
            Attempt(false);
        }

        Assert.True(Check(RetakePolicy.Default).Eligible);
    }

    [Fact]
    public void A_cool_down_after_a_fail_blocks_until_it_ends_then_lets_the_learner_in()
    {
        var policy = RetakePolicy.Default with { CooldownDaysAfterFail = 14 };
        Attempt(false, TimeSpan.FromDays(3));
        var blocked = Check(policy);
        Assert.False(blocked.Eligible);
        Assert.Equal(new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero), blocked.NextEligibleAt);

        _clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.False(Check(policy).Eligible);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(Check(policy).Eligible);

        var message = RetakeRules.Violation(blocked, "SRE Foundations").Message;
        Assert.Contains("cool-down after a fail is 14 day(s)", message, StringComparison.Ordinal);
        Assert.Contains("next eligible on 2026-12-16 09:00 UTC", message, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_n_attempts_in_any_period_counting_those_under_review()
    {
        var policy = RetakePolicy.Default with { MaxAttemptsPerPeriod = 2, PeriodDays = 30 };
        Attempt(false, TimeSpan.FromDays(1));
        _clock.Advance(TimeSpan.FromDays(9));
        Attempt(null);
        var blocked = Check(policy);
        Assert.False(blocked.Eligible);
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 9, 0, 0, TimeSpan.Zero), blocked.NextEligibleAt);
        Assert.Contains("2 of the 2 attempt(s) allowed in any 30 days", blocked.Reasons.Single(), StringComparison.Ordinal);

        _clock.SetUtcNow(blocked.NextEligibleAt!.Value);
        Assert.True(Check(policy).Eligible);
    }

    [Fact]
    public void Remediation_is_required_after_n_fails_and_a_diagnostic_after_the_last_fail_clears_it()
    {
        var policy = RetakePolicy.Default with { RemediationAfterFails = 2 };
        Attempt(false, TimeSpan.FromDays(1));
        Assert.True(Check(policy).Eligible);
        Attempt(false, TimeSpan.FromDays(1));
        var blocked = Check(policy);
        Assert.False(blocked.Eligible);
        Assert.Null(blocked.NextEligibleAt);
        Assert.Contains("diagnostic self-assessment", blocked.Missing.Single(), StringComparison.Ordinal);
        Assert.Contains("as soon as what is missing is done", RetakeRules.Violation(blocked, "X").Message, StringComparison.Ordinal);

        _diagnostics.Add(Now);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True(Check(policy).Eligible);

        // Two more fails after the diagnostic ask for another one.
        Attempt(false, TimeSpan.FromDays(1));
        Attempt(false, TimeSpan.FromDays(1));
        Assert.False(Check(policy).Eligible);
    }

    [Fact]
    public void Several_rules_combine_into_the_latest_date_and_everything_missing()
    {
        var policy = new RetakePolicy(1, 10, 20, 1);
        Attempt(false, TimeSpan.FromDays(2));
        var blocked = Check(policy);
        Assert.Equal(2, blocked.Reasons.Count);
        Assert.Single(blocked.Missing);
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero), blocked.NextEligibleAt);
        var error = RetakeRules.Violation(blocked, "Incident Commander");
        Assert.Equal(ErrorCode.PolicyViolation, error.Code);
        Assert.Contains("once what is missing is done", error.Message, StringComparison.Ordinal);
    }
}
