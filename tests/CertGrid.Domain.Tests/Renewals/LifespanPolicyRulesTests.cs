using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Tests.Renewals;

public class LifespanPolicyRulesTests
{
    private static LifespanPolicy Policy(int window = 90, decimal credits = 20, IReadOnlyList<CategoryMinimum>? minimums = null, int grace = 30, int lapse = 60) =>
        new(window, new CeRequirement(credits, minimums ?? [new CategoryMinimum(" Ethics ", 5)]), RenewalEvidence.None, grace, lapse, LapseAction.Revoke);

    [Fact]
    public void A_valid_policy_comes_back_with_categories_normalised()
    {
        var policy = LifespanPolicyRules.Validate(Policy(), validityDays: 730);

        Assert.Equal(90, policy.RenewalWindowDays);
        Assert.Equal("ethics", Assert.Single(policy.ContinuingEducation.CategoryMinimums).Category);
        Assert.Equal(LapseAction.Revoke, policy.LapseAction);
    }

    [Fact]
    public void A_credential_that_never_expires_has_no_lifespan_to_manage()
    {
        var error = Assert.Throws<CertGridException>(() => LifespanPolicyRules.Validate(Policy(), validityDays: null));
        Assert.Equal(ErrorCode.PolicyViolation, error.Code);
        Assert.Contains("validityDays", error.Message);
    }

    [Theory]
    [InlineData(0, 30, 60, "input.renewalWindowDays")]
    [InlineData(731, 30, 60, "input.renewalWindowDays")]
    [InlineData(90, -1, 60, "input.graceDays")]
    [InlineData(90, 366, 60, "input.graceDays")]
    [InlineData(90, 30, -1, "input.lapseAfterDays")]
    public void Out_of_range_days_name_the_field(int window, int grace, int lapse, string field)
    {
        var error = Assert.Throws<CertGridException>(() => LifespanPolicyRules.Validate(Policy(window, grace: grace, lapse: lapse), 730));
        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Category_minimums_cannot_add_up_to_more_than_the_cycle_total()
    {
        var error = Assert.Throws<CertGridException>(() => LifespanPolicyRules.Validate(
            Policy(credits: 6, minimums: [new("ethics", 5), new("technical", 3)]), 730));
        Assert.Equal("input.continuingEducation.categoryMinimums", error.Field);
        Assert.Contains("at least 8", error.Message);
    }

    [Fact]
    public void A_category_named_twice_is_rejected_even_when_spelled_differently()
    {
        var error = Assert.Throws<CertGridException>(() => LifespanPolicyRules.Validate(
            Policy(minimums: [new("Ethics", 2), new("ethics ", 2)]), 730));
        Assert.Contains("'ethics'", error.Message);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-1)]
    public void Credits_come_in_quarter_steps(double credits)
    {
        var error = Assert.Throws<CertGridException>(() => LifespanPolicyRules.Validate(Policy(credits: (decimal)credits, minimums: []), 730));
        Assert.Equal("input.continuingEducation.creditsPerCycle", error.Field);
    }

    [Fact]
    public void Unknown_enum_values_are_rejected()
    {
        var error = Assert.Throws<CertGridException>(() => LifespanPolicyRules.Validate(Policy() with { LapseAction = (LapseAction)9 }, 730));
        Assert.Equal("input.lapseAction", error.Field);
    }
}
