using CertGrid.Domain.Errors;
using CertGrid.Domain.Privacy;

namespace CertGrid.Domain.Tests.Privacy;

/// <summary>When the retention policy counts a learner inactive: strictly more than the policy's years since their last activity.</summary>
public class RetentionPolicyTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3, -3 * 365 - 2, true)]   // three years and a day ago (2028 is a leap year)
    [InlineData(3, -3 * 365 + 1, false)]  // not quite three years
    [InlineData(1, -400, true)]
    [InlineData(10, -9 * 365, false)]
    public void A_learner_is_inactive_only_beyond_the_policy_years(int years, int daysSinceActivity, bool inactive)
    {
        var policy = RetentionPolicy.Of(years);
        Assert.Equal(inactive, policy.IsInactive(Now.AddDays(daysSinceActivity), Now));
    }

    [Fact]
    public void Erasure_falls_due_the_policy_years_after_the_last_activity_and_exactly_then_the_learner_is_not_yet_inactive()
    {
        var policy = RetentionPolicy.Of(5);
        var lastActive = new DateTimeOffset(2024, 3, 1, 8, 30, 0, TimeSpan.Zero);
        var due = policy.ErasureDueAt(lastActive);
        Assert.Equal(new DateTimeOffset(2029, 3, 1, 8, 30, 0, TimeSpan.Zero), due);
        Assert.False(policy.IsInactive(lastActive, due));
        Assert.True(policy.IsInactive(lastActive, due.AddTicks(1)));
        Assert.Equal(due, policy.InactiveBefore(due).AddYears(5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public void Years_outside_1_to_50_are_refused_naming_the_field(int years)
    {
        var refused = Assert.Throws<CertGridException>(() => RetentionPolicy.Of(years, "inactiveYears"));
        Assert.Equal(ErrorCode.ValidationFailed, refused.Code);
        Assert.Equal("inactiveYears", refused.Field);
    }
}
