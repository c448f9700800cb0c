using CertGrid.Domain.ContinuingEducation;

namespace CertGrid.Domain.Tests.ContinuingEducation;

public class CeActivityRulesTests
{
    private static readonly DateOnly Today = new(2027, 6, 1);

    private static CeActivityInput Input(decimal credits = 2.5m, string category = " Technical  Skills ", DateOnly? on = null) =>
        new(CeActivityKind.Course, "  Kubernetes in depth ", credits, category, on ?? Today.AddDays(-3), null);

    [Fact]
    public void A_valid_activity_is_trimmed_and_its_category_normalised()
    {
        var input = CeActivityRules.Validate(Input(), Today);
        Assert.Equal("Kubernetes in depth", input.Title);
        Assert.Equal("technical skills", input.Category);
        Assert.Equal(2.5m, input.Credits);
    }

    [Fact]
    public void An_activity_in_the_future_cannot_be_recorded()
    {
        var error = Assert.Throws<CertGridException>(() => CeActivityRules.Validate(Input(on: Today.AddDays(1)), Today));
        Assert.Equal("input.occurredOn", error.Field);
    }

    [Fact]
    public void A_very_old_activity_is_rejected() =>
        Assert.Equal("input.occurredOn", Assert.Throws<CertGridException>(() => CeActivityRules.Validate(Input(on: Today.AddYears(-11)), Today)).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(0.1)]
    [InlineData(100.25)]
    public void Credits_must_be_positive_quarter_steps_up_to_100(double credits) =>
        Assert.Equal("input.credits", Assert.Throws<CertGridException>(() => CeActivityRules.Validate(Input((decimal)credits), Today)).Field);

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("1st aid")]
    [InlineData("ethics!")]
    public void Categories_are_words(string category) =>
        Assert.Equal("input.category", Assert.Throws<CertGridException>(() => CeActivityRules.Validate(Input(category: category), Today)).Field);

    [Fact]
    public void Community_credit_rules_are_checked_and_zero_turns_a_rule_off()
    {
        var rules = new CeCreditRules(0m, " Evaluation ", 1.5m, "Mentoring").Validated();
        Assert.Equal(new CeCreditRules(0m, "evaluation", 1.5m, "mentoring"), rules);
        Assert.Equal("input.creditsPerReview", Assert.Throws<CertGridException>(() => new CeCreditRules(21m, "evaluation", 1m, "mentoring").Validated()).Field);
    }

    [Fact]
    public void A_cycle_contains_its_first_day_but_not_its_end()
    {
        var cycle = new CeCycle(new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1));
        Assert.True(cycle.Contains(new DateOnly(2027, 1, 1)));
        Assert.True(cycle.Contains(new DateOnly(2027, 12, 31)));
        Assert.False(cycle.Contains(new DateOnly(2028, 1, 1)));
        Assert.False(cycle.Contains(new DateOnly(2026, 12, 31)));
    }
}
