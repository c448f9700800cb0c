using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;

namespace CertGrid.Domain.Tests.Appeals;

public class AppealRulesTests
{
    private static readonly DateTimeOffset Decided = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static ReviewScore Review(bool passed) => new(passed ? 80 : 30, passed, new Dictionary<string, int>());

    [Fact]
    public void Appeals_are_accepted_only_within_the_window()
    {
        AppealRules.CheckWindow(30, Decided, Decided.AddDays(30));
        var late = Assert.Throws<CertGridException>(() => AppealRules.CheckWindow(30, Decided, Decided.AddDays(30).AddSeconds(1)));
        Assert.Equal(ErrorCode.PolicyViolation, late.Code);
        Assert.Contains("closed on 2026-12-29 09:00 UTC", late.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be appealed", Assert.Throws<CertGridException>(() => AppealRules.CheckWindow(null, Decided, Decided)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_majority_of_the_appeal_panel_overturns()
    {
        Assert.Equal(AppealOutcome.Pending, AppealRules.Decide([Review(true)], 2));
        Assert.Equal(AppealOutcome.Overturned, AppealRules.Decide([Review(true), Review(true)], 2));
        Assert.Equal(AppealOutcome.Upheld, AppealRules.Decide([Review(true), Review(false)], 2));
        Assert.Equal(AppealOutcome.Overturned, AppealRules.Decide([Review(true), Review(false), Review(true)], 3));
        Assert.Equal(AppealOutcome.Upheld, AppealRules.Decide([Review(false), Review(false)], 2));
        Assert.Contains("overturned", AppealRules.Explain([Review(true), Review(true)], AppealOutcome.Overturned), StringComparison.Ordinal);
    }
}
