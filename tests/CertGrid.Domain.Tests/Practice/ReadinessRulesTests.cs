using CertGrid.Domain.Assessments;
using CertGrid.Domain.Practice;

namespace CertGrid.Domain.Tests.Practice;

public class ReadinessRulesTests
{
    private static readonly Rubric Rubric = new(
    [
        Rubrics.Criterion("C1", 1, ("Not yet", 0), ("Developing", 1), ("Proficient", 2), ("Exemplary", 3)),
        Rubrics.Criterion("C2", 1, ("Not yet", 0), ("Developing", 1), ("Proficient", 2), ("Exemplary", 3)),
    ], 60);

    [Fact]
    public void Weak_criteria_are_those_below_the_threshold_and_the_mentor_view_wins()
    {
        var self = new[] { new CriterionScore("C1", "Exemplary", null), new CriterionScore("C2", "Proficient", null) };
        var onlySelf = ReadinessRules.Build("def_1", Rubric, self, null);
        Assert.True(onlySelf.Ready);
        Assert.Empty(onlySelf.WeakCriteria);
        Assert.Equal(83.33, onlySelf.SelfPercent);

        var mentor = new[] { new CriterionScore("C1", "Proficient", null), new CriterionScore("C2", "Developing", null) };
        var withMentor = ReadinessRules.Build("def_1", Rubric, self, mentor);
        Assert.False(withMentor.Ready);
        Assert.Equal(["C2"], withMentor.WeakCriteria);
        Assert.Equal("Proficient", withMentor.Criteria[1].SelfLevel);
        Assert.Equal("Developing", withMentor.Criteria[1].MentorLevel);
        Assert.Equal(33.33, withMentor.Criteria[1].PercentOfMax);
        Assert.Contains("C2 (Criterion C2)", withMentor.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_assessment_every_criterion_is_weak()
    {
        var report = ReadinessRules.Build("def_1", Rubric, null, null);
        Assert.Equal(["C1", "C2"], report.WeakCriteria);
        Assert.False(report.Ready);
    }
}
