namespace CertGrid.Domain.Tests.Programs;

public class RubricRulesTests
{
    private static readonly IReadOnlySet<string> Framework = new HashSet<string>(StringComparer.Ordinal) { "SEC-1", "SEC-2", "OPS-1" };

    private static RubricLevel L(string name, int points, string? descriptor = null) => new(name, points, descriptor);

    private static RubricCriterion Criterion(string code = "DESIGN", IReadOnlyList<RubricLevel>? levels = null, IReadOnlyList<string>? competencies = null, int weight = 1) =>
        new(code, $"Criterion {code}", null, competencies ?? ["SEC-1"], levels ?? [L("Novice", 0), L("Competent", 2), L("Expert", 4)], weight);

    private static Rubric With(params RubricCriterion[] criteria) => new(criteria, 70);

    private static CertGridException Invalid(Rubric? rubric, string field = "rubric")
    {
        var error = Assert.Throws<CertGridException>(() => RubricRules.Validate(rubric, Framework, field));
        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        return error;
    }

    [Fact]
    public void Validate_returns_the_rubric_with_levels_sorted_by_points_and_text_trimmed()
    {
        var rubric = new Rubric(
        [
            new RubricCriterion(" DESIGN ", "  Secure design ", "  ", ["SEC-1", "SEC-2"],
                [L(" Expert ", 4, "Threat model drives the design "), L("Novice", 0), L("Competent", 2, "   ")], 3),
            Criterion("TEST", [L("Thorough", 10), L("None", 0)], ["OPS-1"]),
        ], 65);

        var validated = RubricRules.Validate(rubric, Framework);

        Assert.Equal(65, validated.PassThresholdPercent);
        var design = validated.Criteria[0];
        Assert.Equal("DESIGN", design.Code);
        Assert.Equal("Secure design", design.Name);
        Assert.Null(design.Description);
        Assert.Equal(3, design.Weight);
        Assert.Equal(["SEC-1", "SEC-2"], design.CompetencyCodes);
        Assert.Equal(
            [L("Novice", 0), L("Competent", 2), L("Expert", 4, "Threat model drives the design")],
            design.Levels);
        Assert.Equal(["None", "Thorough"], validated.Criteria[1].Levels.Select(l => l.Name));
        // The input is left as it was.
        Assert.Equal(" Expert ", rubric.Criteria[0].Levels[0].Name);
    }

    [Fact]
    public void Validate_sorts_random_valid_rubrics_without_losing_levels()
    {
        var faker = new Faker { Random = new Randomizer(61) };
        for (var run = 0; run < 200; run++)
        {
            var rubric = Rubrics.Random(faker);

            var validated = RubricRules.Validate(rubric, Framework);

            Assert.Equal(rubric.Criteria.Count, validated.Criteria.Count);
            for (var i = 0; i < rubric.Criteria.Count; i++)
            {
                var points = validated.Criteria[i].Levels.Select(l => l.Points).ToList();
                Assert.Equal(points.Order(), points);
                Assert.Equal(rubric.Criteria[i].Levels.Select(l => l.Name).Order(StringComparer.Ordinal), validated.Criteria[i].Levels.Select(l => l.Name).Order(StringComparer.Ordinal));
                Assert.Equal(rubric.Criteria[i].MaxPoints, validated.Criteria[i].MaxPoints);
            }
        }
    }

    [Fact]
    public void Validate_requires_a_rubric()
    {
        var error = Invalid(null, "input.rubric");

        Assert.Equal("input.rubric", error.Field);
        Assert.Equal("'input.rubric' is required.", error.Message);
    }

    [Fact]
    public void Validate_requires_at_least_one_criterion()
    {
        var empty = Invalid(With());
        var missing = Invalid(new Rubric(null!, 70));

        Assert.Equal("rubric.criteria", empty.Field);
        Assert.Contains("between 1 and 30 items (it has 0)", empty.Message, StringComparison.Ordinal);
        Assert.Equal("rubric.criteria", missing.Field);
    }

    [Fact]
    public void Validate_accepts_30_criteria_but_not_31()
    {
        var thirty = Enumerable.Range(1, 30).Select(i => Criterion($"C{i}")).ToArray();

        Assert.Equal(30, RubricRules.Validate(With(thirty), Framework).Criteria.Count);
        var error = Invalid(With([.. thirty, Criterion("C31")]));
        Assert.Equal("rubric.criteria", error.Field);
        Assert.Contains("(it has 31)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_duplicate_criterion_codes()
    {
        var error = Invalid(With(Criterion("DESIGN"), Criterion("TEST"), Criterion("DESIGN")));

        Assert.Equal("rubric.criteria.code", error.Field);
        Assert.Contains("'DESIGN'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_criterion_codes_that_are_duplicates_once_trimmed()
    {
        // Codes are trimmed when validated, so " DESIGN" and "DESIGN" end up as the same criterion code;
        // scoring then cannot tell the two criteria apart.
        var error = Record.Exception(() => RubricRules.Validate(With(Criterion("DESIGN"), Criterion("DESIGN ")), Framework));

        var invalid = Assert.IsType<CertGridException>(error);
        Assert.Equal(ErrorCode.ValidationFailed, invalid.Code);
        Assert.Equal("rubric.criteria.code", invalid.Field);
    }

    [Theory]
    [InlineData("SEC 1")]
    [InlineData("-SEC")]
    [InlineData(".hidden")]
    [InlineData("SEC/1")]
    [InlineData("SEC#1")]
    [InlineData("ŠEC-1")]
    public void Validate_rejects_codes_with_other_characters(string code)
    {
        var error = Invalid(With(Criterion("OK"), Criterion(code)));

        Assert.Equal("rubric.criteria[1].code", error.Field);
        Assert.Contains("letters, digits, '.', '_' or '-'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SEC-1")]
    [InlineData("a.b_c-d")]
    [InlineData("9X")]
    [InlineData("Q")]
    public void RequireCode_accepts_letters_digits_dots_underscores_and_hyphens(string code)
    {
        Assert.Equal(code, RubricRules.RequireCode($" {code} ", "code"));
    }

    [Fact]
    public void RequireCode_limits_codes_to_40_characters()
    {
        Assert.Equal(40, RubricRules.RequireCode(new string('A', 40), "code").Length);
        var error = Assert.Throws<CertGridException>(() => RubricRules.RequireCode(new string('A', 41), "code"));
        Assert.Equal("code", error.Field);
        Assert.Contains("at most 40", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_a_competency_outside_the_framework()
    {
        var error = Invalid(With(Criterion("A"), Criterion("B", competencies: ["SEC-1", "NOPE-9"])));

        Assert.Equal("rubric.criteria[1].competencyCodes", error.Field);
        Assert.Contains("'NOPE-9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_matches_competency_codes_exactly()
    {
        var error = Invalid(With(Criterion("A", competencies: ["sec-1"])));

        Assert.Equal("rubric.criteria[0].competencyCodes", error.Field);
    }

    [Fact]
    public void Validate_requires_a_criterion_to_assess_some_competency()
    {
        var error = Invalid(With(Criterion("A", competencies: [])));

        Assert.Equal("rubric.criteria[0].competencyCodes", error.Field);
        Assert.Contains("(it has 0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_requires_at_least_two_levels()
    {
        var error = Invalid(With(Criterion("A", [L("Done", 1)])));

        Assert.Equal("rubric.criteria[0].levels", error.Field);
        Assert.Contains("between 2 and 10 items (it has 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_allows_at_most_ten_levels()
    {
        var ten = Enumerable.Range(0, 10).Select(i => L($"L{i}", i)).ToArray();

        Assert.Equal(10, RubricRules.Validate(With(Criterion("A", ten)), Framework).Criteria[0].Levels.Count);
        var error = Invalid(With(Criterion("A", [.. ten, L("L10", 10)])));
        Assert.Equal("rubric.criteria[0].levels", error.Field);
    }

    [Theory]
    [InlineData("Good", "Good")]
    [InlineData("Good", " Good ")]
    public void Validate_rejects_duplicate_level_names(string first, string second)
    {
        var error = Invalid(With(Criterion("A", [L(first, 1), L("Poor", 0), L(second, 3)])));

        Assert.Equal("rubric.criteria[0].levels.name", error.Field);
        Assert.Contains("'Good'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_level_names_that_differ_only_in_case()
    {
        // Scoring and consensus match level names ignoring case, so "good" could never be awarded: "Good" is found first.
        var error = Record.Exception(() => RubricRules.Validate(With(Criterion("A", [L("Good", 1), L("good", 3)])), Framework));

        var invalid = Assert.IsType<CertGridException>(error);
        Assert.Equal(ErrorCode.ValidationFailed, invalid.Code);
        Assert.Equal("rubric.criteria[0].levels.name", invalid.Field);
    }

    [Fact]
    public void Validate_rejects_duplicate_level_points()
    {
        var error = Invalid(With(Criterion("A", [L("Poor", 0), L("Fair", 2), L("Good", 2)])));

        Assert.Equal("rubric.criteria[0].levels.points", error.Field);
        Assert.Contains("'2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_levels_that_are_all_worth_nothing()
    {
        var error = Invalid(With(Criterion("A", [L("Poor", 0), L("Also poor", 0)])));

        Assert.StartsWith("rubric.criteria[0].levels", error.Field, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void Validate_rejects_level_points_out_of_range(int points)
    {
        var error = Invalid(With(Criterion("A", [L("Poor", 0), L("Odd", points), L("Good", 5)])));

        Assert.Equal("rubric.criteria[0].levels[1].points", error.Field);
        Assert.Contains("between 0 and 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_an_overlong_or_blank_level_name()
    {
        var overlong = Invalid(With(Criterion("A", [L("Poor", 0), L(new string('x', 61), 2)])));
        var blank = Invalid(With(Criterion("A", [L("  ", 0), L("Good", 2)])));

        Assert.Equal("rubric.criteria[0].levels[1].name", overlong.Field);
        Assert.Equal("rubric.criteria[0].levels[0].name", blank.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_rejects_a_weight_out_of_range(int weight)
    {
        var error = Invalid(With(Criterion("A", weight: weight)));

        Assert.Equal("rubric.criteria[0].weight", error.Field);
        Assert.Contains("between 1 and 100", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void Validate_rejects_a_pass_threshold_out_of_range(int threshold)
    {
        var error = Invalid(With(Criterion("A")) with { PassThresholdPercent = threshold });

        Assert.Equal("rubric.passThresholdPercent", error.Field);
        Assert.Contains($"between 1 and 100 (it is {threshold})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Validate_accepts_the_pass_threshold_bounds(int threshold)
    {
        Assert.Equal(threshold, RubricRules.Validate(With(Criterion("A")) with { PassThresholdPercent = threshold }, Framework).PassThresholdPercent);
    }

    [Fact]
    public void Validate_prefixes_every_field_path_with_the_given_field()
    {
        var error = Invalid(With(Criterion("A"), Criterion("B", [L("One", 1)])), "input.rubric");

        Assert.Equal("input.rubric.criteria[1].levels", error.Field);
    }
}
