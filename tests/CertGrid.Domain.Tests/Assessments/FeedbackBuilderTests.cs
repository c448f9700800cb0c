using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Tests.Assessments;

public class FeedbackBuilderTests
{
    private static readonly Rubric Rubric = new(
    [
        Rubrics.Criterion("C1", 1, ("Not yet", 0), ("Proficient", 2), ("Exemplary", 3)),
        Rubrics.Criterion("C2", 2, ("Not yet", 0), ("Proficient", 2), ("Exemplary", 3)),
    ], 60);

    [Fact]
    public void Feedback_gives_each_criterion_its_panel_level_and_every_note()
    {
        var reviews = new List<(IReadOnlyList<CriterionScore>, string?)>
        {
            ([new("C1", "Exemplary", "Great SLOs."), new("C2", "Not yet", "No incident shown.")], "Solid start."),
            ([new("C1", "Proficient", null), new("C2", "Proficient", "Some incident work.")], null),
        };

        var feedback = FeedbackBuilder.Build(Rubric, reviews, null, "Failed by majority.");

        Assert.Equal(["C1", "C2"], feedback.Criteria.Select(c => c.CriterionCode));
        Assert.Equal("Proficient", feedback.Criteria[0].Level);
        Assert.Equal(["Great SLOs."], feedback.Criteria[0].Notes);
        Assert.Equal("Not yet", feedback.Criteria[1].Level);
        Assert.Equal((0, 3), (feedback.Criteria[1].Points, feedback.Criteria[1].MaxPoints));
        Assert.Equal(["No incident shown.", "Some incident work."], feedback.Criteria[1].Notes);
        Assert.Equal(["Solid start."], feedback.OverallNotes);
        Assert.Equal("Failed by majority.", feedback.Decision);
    }

    [Fact]
    public void Levels_decided_in_a_discussion_replace_the_panel_median()
    {
        var reviews = new List<(IReadOnlyList<CriterionScore>, string?)> { ([new("C1", "Not yet", null), new("C2", "Not yet", null)], null) };
        var feedback = FeedbackBuilder.Build(Rubric, reviews, [new CriterionResult("C1", "exemplary"), new CriterionResult("C2", "Proficient")], "Lead decided.");
        Assert.Equal(["Exemplary", "Proficient"], feedback.Criteria.Select(c => c.Level));
    }
}
