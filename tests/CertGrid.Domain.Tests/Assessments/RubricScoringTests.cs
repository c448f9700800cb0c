using CertGrid.Domain.Assessments;

namespace CertGrid.Domain.Tests.Assessments;

public class RubricScoringTests
{
    // DESIGN: weight 3, max 4 points. TEST: weight 1, max 10 points. Total weight 4.
    private static readonly Rubric Sample = new(
    [
        Rubrics.Criterion("DESIGN", 3, ("Novice", 0), ("Developing", 1), ("Proficient", 2), ("Expert", 4)),
        Rubrics.Criterion("TEST", 1, ("None", 0), ("Some", 5), ("Thorough", 10)),
    ], 60);

    private static CriterionScore[] Scores(string design, string test) =>
        [new("DESIGN", design, null), new("TEST", test, null)];

    [Theory]
    [InlineData("Proficient", "Thorough", 62.5)] // (3 * 2/4 + 1 * 10/10) / 4
    [InlineData("Expert", "None", 75.0)] // (3 * 4/4 + 0) / 4
    [InlineData("Novice", "Thorough", 25.0)] // (0 + 1) / 4
    [InlineData("Developing", "Some", 31.25)] // (3 * 1/4 + 1 * 5/10) / 4
    [InlineData("Novice", "None", 0.0)]
    [InlineData("Expert", "Thorough", 100.0)]
    public void Score_weights_each_criterion_by_its_share_of_max_points(string design, string test, double expected)
    {
        var score = RubricScoring.Score(Sample, Scores(design, test));

        Assert.Equal(expected, score.Percent, 10);
    }

    [Fact]
    public void Score_reports_the_points_of_each_criterion()
    {
        var score = RubricScoring.Score(Sample, Scores("Proficient", "Some"));

        Assert.Equal(2, score.PointsByCriterion["DESIGN"]);
        Assert.Equal(5, score.PointsByCriterion["TEST"]);
        Assert.Equal(2, score.PointsByCriterion.Count);
    }

    [Fact]
    public void Score_does_not_depend_on_the_order_of_the_scores()
    {
        var forward = RubricScoring.Score(Sample, Scores("Developing", "Thorough"));
        var backward = RubricScoring.Score(Sample, [new("TEST", "Thorough", null), new("DESIGN", "Developing", null)]);

        Assert.Equal(forward.Percent, backward.Percent);
    }

    [Fact]
    public void Score_rounds_the_percentage_to_two_decimals()
    {
        var thirds = new Rubric(
        [
            Rubrics.Criterion("A", 1, ("Zero", 0), ("One", 1), ("Two", 2), ("Three", 3)),
            Rubrics.Criterion("B", 1, ("Zero", 0), ("One", 1), ("Two", 2), ("Three", 3)),
            Rubrics.Criterion("C", 1, ("Zero", 0), ("One", 1), ("Two", 2), ("Three", 3)),
        ], 50);

        var low = RubricScoring.Score(thirds, [new("A", "One", null), new("B", "One", null), new("C", "Zero", null)]);
        var high = RubricScoring.Score(thirds, [new("A", "Two", null), new("B", "Three", null), new("C", "Three", null)]);

        Assert.Equal(22.22, low.Percent); // 2/9
        Assert.Equal(88.89, high.Percent); // 8/9
    }

    [Theory]
    [InlineData(75, true)]
    [InlineData(74, true)]
    [InlineData(76, false)]
    public void Score_passes_when_the_percentage_reaches_the_threshold(int threshold, bool passes)
    {
        var score = RubricScoring.Score(Sample with { PassThresholdPercent = threshold }, Scores("Expert", "None")); // 75%

        Assert.Equal(75.0, score.Percent);
        Assert.Equal(passes, score.Passed);
    }

    [Fact]
    public void Score_matches_level_names_ignoring_case_and_surrounding_spaces()
    {
        var score = RubricScoring.Score(Sample, Scores("  expert", "THOROUGH "));

        Assert.Equal(100.0, score.Percent);
        Assert.Equal(4, score.PointsByCriterion["DESIGN"]);
    }

    [Fact]
    public void Score_rejects_a_review_that_leaves_a_criterion_unscored()
    {
        var error = Assert.Throws<CertGridException>(() => RubricScoring.Score(Sample, [new("DESIGN", "Expert", null)]));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal("scores", error.Field);
        Assert.Contains("'TEST'", error.Message, StringComparison.Ordinal);
        Assert.Contains("has no score", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_rejects_no_scores_at_all_naming_the_first_criterion()
    {
        var none = Assert.Throws<CertGridException>(() => RubricScoring.Score(Sample, null));
        var empty = Assert.Throws<CertGridException>(() => RubricScoring.Score(Sample, []));

        Assert.Equal(ErrorCode.ValidationFailed, none.Code);
        Assert.Contains("'DESIGN'", none.Message, StringComparison.Ordinal);
        Assert.Equal(none.Message, empty.Message);
    }

    [Fact]
    public void Score_rejects_a_criterion_the_rubric_does_not_have()
    {
        CriterionScore[] scores = [.. Scores("Expert", "Some"), new("STYLE", "Expert", null)];

        var error = Assert.Throws<CertGridException>(() => RubricScoring.Score(Sample, scores));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal("scores", error.Field);
        Assert.Contains("'STYLE'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not in this credential's rubric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_matches_criterion_codes_exactly()
    {
        var error = Assert.Throws<CertGridException>(() =>
            RubricScoring.Score(Sample, [new("design", "Expert", null), new("TEST", "Some", null)]));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Contains("'DESIGN'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_rejects_a_level_the_criterion_does_not_have()
    {
        var error = Assert.Throws<CertGridException>(() => RubricScoring.Score(Sample, Scores("Master", "Some")));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal("scores", error.Field);
        Assert.Contains("'Master'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'DESIGN'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Novice, Developing, Proficient, Expert", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_rejects_a_level_of_another_criterion()
    {
        var error = Assert.Throws<CertGridException>(() => RubricScoring.Score(Sample, Scores("Expert", "Expert")));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Contains("'TEST'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_rejects_a_criterion_scored_twice()
    {
        CriterionScore[] scores = [new("DESIGN", "Expert", null), new("TEST", "Some", null), new("DESIGN", "Novice", null)];

        var error = Assert.Throws<CertGridException>(() => RubricScoring.Score(Sample, scores, "input.scores"));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal("input.scores.criterionCode", error.Field);
        Assert.Contains("'DESIGN'", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_uses_the_given_field_name_in_errors()
    {
        var error = Assert.Throws<CertGridException>(() => RubricScoring.Score(Sample, Scores("Master", "Some"), "input.review.scores"));

        Assert.Equal("input.review.scores", error.Field);
    }

    [Fact]
    public void Score_rejects_an_overlong_note()
    {
        CriterionScore[] scores = [new("DESIGN", "Expert", new string('x', InputRules.NoteMaxLength + 1)), new("TEST", "Some", null)];

        var error = Assert.Throws<CertGridException>(() => RubricScoring.Score(Sample, scores));

        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal("scores.note", error.Field);
    }

    [Fact]
    public void Score_accepts_a_note_at_the_maximum_length()
    {
        CriterionScore[] scores = [new("DESIGN", "Expert", new string('x', InputRules.NoteMaxLength)), new("TEST", "Some", "multi\nline\tnote")];

        Assert.Equal(87.5, RubricScoring.Score(Sample, scores).Percent);
    }

    [Fact]
    public void Score_of_random_rubrics_stays_within_0_and_100_and_matches_the_weighted_formula()
    {
        var faker = new Faker { Random = new Randomizer(4211) };
        for (var run = 0; run < 300; run++)
        {
            var rubric = Rubrics.Random(faker);
            var picks = rubric.Criteria.Select(c => (Criterion: c, Level: faker.PickRandom<RubricLevel>(c.Levels))).ToList();
            var scores = faker.Random.Shuffle(picks.Select(p => new CriterionScore(p.Criterion.Code, Rubrics.Sloppy(faker, p.Level.Name), null))).ToList();

            var score = RubricScoring.Score(rubric, scores);

            var expected = 100.0 * picks.Sum(p => p.Criterion.Weight * (double)p.Level.Points / p.Criterion.Levels.Max(l => l.Points))
                / picks.Sum(p => p.Criterion.Weight);
            Assert.InRange(score.Percent, 0, 100);
            Assert.Equal(expected, score.Percent, 0.00501);
            Assert.Equal(score.Percent >= rubric.PassThresholdPercent, score.Passed);
            Assert.All(picks, p => Assert.Equal(p.Level.Points, score.PointsByCriterion[p.Criterion.Code]));
        }
    }

    [Fact]
    public void Score_of_the_top_level_everywhere_is_100_and_passes_any_threshold()
    {
        var faker = new Faker { Random = new Randomizer(977) };
        for (var run = 0; run < 300; run++)
        {
            var rubric = Rubrics.Random(faker);
            var top = rubric.Criteria.Select(c => new CriterionScore(c.Code, c.Levels.MaxBy(l => l.Points)!.Name, null)).ToList();

            var score = RubricScoring.Score(rubric, top);

            Assert.Equal(100.0, score.Percent);
            Assert.True(score.Passed);
        }
    }

    [Fact]
    public void Score_never_falls_when_one_criterion_is_raised_to_a_higher_level()
    {
        var faker = new Faker { Random = new Randomizer(31337) };
        for (var run = 0; run < 300; run++)
        {
            var rubric = Rubrics.Random(faker);
            var picks = rubric.Criteria.Select(c => faker.PickRandom<RubricLevel>(c.Levels)).ToList();
            var raise = faker.Random.Int(0, picks.Count - 1);
            var higher = rubric.Criteria[raise].Levels.Where(l => l.Points > picks[raise].Points).ToList();
            if (higher.Count == 0)
            {
                continue;
            }

            var before = RubricScoring.Score(rubric, picks.Select((l, i) => new CriterionScore(rubric.Criteria[i].Code, l.Name, null)).ToList());
            picks[raise] = faker.PickRandom(higher);
            var after = RubricScoring.Score(rubric, picks.Select((l, i) => new CriterionScore(rubric.Criteria[i].Code, l.Name, null)).ToList());

            Assert.True(after.Percent >= before.Percent, $"raising {rubric.Criteria[raise].Code} lowered {before.Percent} to {after.Percent}");
        }
    }
}
