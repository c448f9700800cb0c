using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Tests.Assessments;

public class CriterionConsensusTests
{
    // Levels deliberately listed out of point order: consensus must order by points, not by position.
    private static readonly Rubric Sample = new(
    [
        Rubrics.Criterion("DESIGN", 1, ("Expert", 4), ("Novice", 0), ("Competent", 2)),
        Rubrics.Criterion("TEST", 2, ("Thorough", 10), ("None", 0), ("Some", 5)),
    ], 60);

    private static IReadOnlyList<CriterionScore> Review(string design, string test) =>
        [new("DESIGN", design, null), new("TEST", test, null)];

    private static string LevelOf(IReadOnlyList<CriterionResult> results, string code) =>
        Assert.Single(results, r => r.CriterionCode == code).Level;

    [Fact]
    public void Levels_of_a_single_review_are_its_levels()
    {
        var results = CriterionConsensus.Levels(Sample, [Review("Competent", "Thorough")]);

        Assert.Equal([new CriterionResult("DESIGN", "Competent"), new CriterionResult("TEST", "Thorough")], results);
    }

    [Fact]
    public void Levels_of_two_reviews_take_the_lower_one()
    {
        var results = CriterionConsensus.Levels(Sample, [Review("Expert", "None"), Review("Novice", "Thorough")]);

        Assert.Equal("Novice", LevelOf(results, "DESIGN"));
        Assert.Equal("None", LevelOf(results, "TEST"));
    }

    [Theory]
    [InlineData("Expert", "Novice", "Competent", "Competent")]
    [InlineData("Novice", "Expert", "Expert", "Expert")]
    [InlineData("Expert", "Novice", "Novice", "Novice")]
    [InlineData("Competent", "Competent", "Expert", "Competent")]
    [InlineData("Expert", "Expert", "Expert", "Expert")]
    public void Levels_of_three_reviews_take_the_median_whatever_the_order(string first, string second, string third, string expected)
    {
        var results = CriterionConsensus.Levels(Sample, [Review(first, "Some"), Review(second, "Some"), Review(third, "Some")]);

        Assert.Equal(expected, LevelOf(results, "DESIGN"));
    }

    [Fact]
    public void Levels_of_four_reviews_take_the_lower_median()
    {
        var results = CriterionConsensus.Levels(Sample,
            [Review("Expert", "Thorough"), Review("Novice", "Thorough"), Review("Expert", "None"), Review("Competent", "Some")]);

        Assert.Equal("Competent", LevelOf(results, "DESIGN")); // Novice, Competent | Expert, Expert
        Assert.Equal("Some", LevelOf(results, "TEST")); // None, Some | Thorough, Thorough
    }

    [Fact]
    public void Levels_name_the_rubric_level_even_when_reviewers_typed_it_differently()
    {
        var results = CriterionConsensus.Levels(Sample, [Review(" expert ", "SOME"), Review("EXPERT", "some")]);

        Assert.Equal("Expert", LevelOf(results, "DESIGN"));
        Assert.Equal("Some", LevelOf(results, "TEST"));
    }

    [Fact]
    public void Levels_follow_the_rubric_order_and_skip_criteria_nobody_scored()
    {
        IReadOnlyList<CriterionScore> onlyTest = [new("TEST", "Some", null)];

        var results = CriterionConsensus.Levels(Sample, [onlyTest, [new("TEST", "Thorough", null), new("DESIGN", "Expert", null)]]);

        Assert.Equal([new CriterionResult("DESIGN", "Expert"), new CriterionResult("TEST", "Some")], results);
    }

    [Fact]
    public void Levels_of_no_reviews_are_empty()
    {
        Assert.Empty(CriterionConsensus.Levels(Sample, []));
    }

    [Fact]
    public void Levels_of_random_panels_are_a_lower_median()
    {
        var faker = new Faker { Random = new Randomizer(5150) };
        for (var run = 0; run < 300; run++)
        {
            var rubric = Rubrics.Random(faker);
            var reviewers = faker.Random.Int(1, 7);
            var picks = rubric.Criteria.ToDictionary(c => c.Code, c => Enumerable.Range(0, reviewers).Select(_ => faker.PickRandom<RubricLevel>(c.Levels)).ToList());
            var reviews = Enumerable.Range(0, reviewers)
                .Select(r => (IReadOnlyList<CriterionScore>)faker.Random.Shuffle(rubric.Criteria.Select(c => new CriterionScore(c.Code, Rubrics.Sloppy(faker, picks[c.Code][r].Name), null))).ToList())
                .ToList();

            var results = CriterionConsensus.Levels(rubric, reviews);

            Assert.Equal(rubric.Criteria.Select(c => c.Code), results.Select(r => r.CriterionCode));
            foreach (var result in results)
            {
                var chosen = picks[result.CriterionCode];
                var level = Assert.Single(chosen.Distinct(), l => l.Name == result.Level);
                // A lower median: at least half the panel is at or below it, and more than half at or above it.
                Assert.True(chosen.Count(l => l.Points <= level.Points) >= (reviewers + 1) / 2);
                Assert.True(chosen.Count(l => l.Points >= level.Points) >= (reviewers / 2) + 1);
            }
        }
    }
}
