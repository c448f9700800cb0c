using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

public class AdverseImpactTests
{
    /// <summary>
    /// Questions and Answers to Clarify and Provide a Common Interpretation of the Uniform Guidelines on Employee
    /// Selection Procedures (EEOC et al., 1979), Q&amp;A 12: selection rates of 60% (whites), 45% (American Indians),
    /// 48% (Hispanics) and 51% (Blacks) give impact ratios of 75%, 80% and 85%; "adverse impact is indicated for American
    /// Indians but not for Hispanics or Blacks" (80% is not less than four-fifths).
    /// </summary>
    [Fact]
    public void The_uniform_guidelines_example_indicates_adverse_impact_for_one_group_only()
    {
        var impacts = AdverseImpact.Analyse(
        [
            new GroupOutcome("Whites", 60, 100),
            new GroupOutcome("American Indians", 45, 100),
            new GroupOutcome("Hispanics", 48, 100),
            new GroupOutcome("Blacks", 51, 100),
        ]);

        Assert.True(impacts.Single(i => i.Group == "Whites").IsReference);
        Assert.Equal(0.75, impacts.Single(i => i.Group == "American Indians").ImpactRatio!.Value, 12);
        Assert.Equal(0.80, impacts.Single(i => i.Group == "Hispanics").ImpactRatio!.Value, 12);
        Assert.Equal(0.85, impacts.Single(i => i.Group == "Blacks").ImpactRatio!.Value, 12);
        Assert.Equal(["American Indians"], impacts.Where(i => i.BelowFourFifths).Select(i => i.Group));
        Assert.All(impacts.Where(i => !i.IsReference), i => Assert.Equal(SignificanceTestKind.ChiSquare, i.Significance!.Test));
    }

    [Fact]
    public void Groups_below_the_minimum_size_are_suppressed_and_left_out_of_every_comparison()
    {
        // "Tiny" has the highest rate but only 4 members: it must neither be shown nor become the reference.
        var impacts = AdverseImpact.Analyse(
        [
            new GroupOutcome("Tiny", 4, 4),
            new GroupOutcome("East", 1, 6),
            new GroupOutcome("North", 40, 50),
            new GroupOutcome("South", 20, 40),
            new GroupOutcome("West", 9, 12),
        ], minimumGroupSize: 10);

        var tiny = impacts.Single(i => i.Group == "Tiny");
        Assert.True(tiny.Suppressed);
        Assert.Null(tiny.Passed);
        Assert.Null(tiny.PassRate);
        Assert.Null(tiny.ImpactRatio);
        Assert.True(impacts.Single(i => i.Group == "East").Suppressed);
        Assert.True(impacts.Single(i => i.Group == "North").IsReference);
        Assert.Equal(0.625, impacts.Single(i => i.Group == "South").ImpactRatio!.Value, 12);
        Assert.True(impacts.Single(i => i.Group == "South").Flagged);
        Assert.Equal(SignificanceTestKind.FisherExact, impacts.Single(i => i.Group == "West").Significance!.Test);
    }

    [Fact]
    public void A_lone_small_group_takes_the_next_smallest_with_it_so_totals_cannot_reveal_it()
    {
        var impacts = AdverseImpact.Analyse(
        [
            new GroupOutcome("Large", 50, 80),
            new GroupOutcome("Medium", 20, 30),
            new GroupOutcome("Smaller", 8, 15),
            new GroupOutcome("Alone", 2, 3),
        ]);

        Assert.Equal(["Alone", "Smaller"], impacts.Where(i => i.Suppressed).Select(i => i.Group).Order(StringComparer.Ordinal));
        Assert.Equal(10, SmallGroupSuppression.DefaultMinimumGroupSize);
    }

    [Fact]
    public void Invalid_groups_and_thresholds_are_refused_with_a_reason()
    {
        Assert.Equal(ErrorCode.ValidationFailed,
            Assert.Throws<CertGridException>(() => AdverseImpact.Analyse([new GroupOutcome("A", 5, 4)])).Code);
        Assert.Equal(ErrorCode.ValidationFailed,
            Assert.Throws<CertGridException>(() => AdverseImpact.Analyse([new GroupOutcome("A", 1, 40)], minimumGroupSize: 2)).Code);
        Assert.Equal(ErrorCode.ValidationFailed,
            Assert.Throws<CertGridException>(() => AdverseImpact.Analyse([new GroupOutcome("A", 1, 40), new GroupOutcome("A", 2, 40)])).Code);
    }
}
