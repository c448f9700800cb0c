using CertGrid.Domain.Cohorts;

namespace CertGrid.Domain.Tests.Cohorts;

public class CohortRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Completion_and_median_days_count_only_members_with_every_credential()
    {
        string[] definitions = ["def_a", "def_b"];
        var members = new List<(DateTimeOffset, IReadOnlyList<MemberCredential>)>
        {
            (Start, [new("def_a", 1, Start.AddDays(10)), new("def_b", 2, Start.AddDays(30))]),
            (Start.AddDays(5), [new("def_a", 1, Start.AddDays(25)), new("def_b", 1, Start.AddDays(15))]),
            (Start, [new("def_a", 1, Start.AddDays(40))]),
            (Start, [new("def_a", 0, null)]),
        };
        var statistics = CohortStatisticsRules.Compute(Start, definitions, members);
        Assert.Equal((4, 2, 0.5), (statistics.Members, statistics.Completed, statistics.CompletionRate));
        Assert.Equal(25, statistics.MedianDaysToCertification);
        var a = statistics.Credentials.Single(c => c.DefinitionId == "def_a");
        Assert.Equal((3, 3, (double?)20), (a.Earned, a.Attempted, a.MedianDaysToCertification));
    }

    [Fact]
    public void The_median_of_random_durations_splits_them_in_half()
    {
        var faker = new Faker { Random = new Randomizer(9) };
        for (var round = 0; round < 50; round++)
        {
            var values = Enumerable.Range(0, faker.Random.Int(1, 30)).Select(_ => (double)faker.Random.Int(0, 365)).ToList();
            var median = CohortStatisticsRules.Median(values)!.Value;
            Assert.True(values.Count(v => v < median) <= values.Count / 2);
            Assert.True(values.Count(v => v > median) <= values.Count / 2);
        }

        Assert.Null(CohortStatisticsRules.Median([]));
    }

    [Fact]
    public void Windows_must_lie_within_the_cohort_and_name_its_credentials()
    {
        var cohort = new CohortFacts("coh_1", "Spring", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), ["def_a"], []);
        var valid = AssessmentWindowRules.Validate([new(" Final ", Start.AddDays(60), Start.AddDays(70), ["def_a"]), new("Mid", Start.AddDays(30), Start.AddDays(31), [])], cohort, "input.windows");
        Assert.Equal(["Mid", "Final"], valid.Select(w => w.Name));
        Assert.Throws<CertGridException>(() => AssessmentWindowRules.Validate([new("Late", Start.AddDays(80), Start.AddDays(100), [])], cohort, "input.windows"));
        Assert.Throws<CertGridException>(() => AssessmentWindowRules.Validate([new("Back", Start.AddDays(10), Start.AddDays(5), [])], cohort, "input.windows"));
        Assert.Throws<CertGridException>(() => AssessmentWindowRules.Validate([new("Other", Start.AddDays(10), Start.AddDays(11), ["def_b"])], cohort, "input.windows"));
    }
}
