namespace CertGrid.Domain.Tests.Support;

/// <summary>Small builders for rubrics, so tests state only what matters to them.</summary>
internal static class Rubrics
{
    public static RubricCriterion Criterion(string code, int weight, params (string Name, int Points)[] levels) =>
        new(code, $"Criterion {code}", null, ["SEC-1"], levels.Select(l => new RubricLevel(l.Name, l.Points, null)).ToList(), weight);

    /// <summary>
    /// A random rubric as <see cref="RubricRules.Validate"/> would accept it: 1–8 criteria, weights 1–100,
    /// 2–10 levels with distinct points 0–1000, listed in random order.
    /// </summary>
    public static Rubric Random(Faker faker, int maxCriteria = 8)
    {
        var criteria = Enumerable.Range(0, faker.Random.Int(1, maxCriteria))
            .Select(i =>
            {
                var points = new HashSet<int>();
                var levelCount = faker.Random.Int(2, 10);
                while (points.Count < levelCount)
                {
                    points.Add(faker.Random.Int(0, 1000));
                }

                var levels = points.Select((p, j) => new RubricLevel($"{faker.Hacker.Adjective()} {j}", p, faker.Random.Bool() ? faker.Lorem.Sentence() : null)).ToList();
                return new RubricCriterion($"C-{i}", faker.Hacker.Noun(), null, ["SEC-1"], levels, faker.Random.Int(1, 100));
            })
            .ToList();
        return new Rubric(criteria, faker.Random.Int(1, 100));
    }

    /// <summary>A level name with its letters randomly upper- or lower-cased and padded, as a sloppy client might send it.</summary>
    public static string Sloppy(Faker faker, string name) =>
        (faker.Random.Bool() ? " " : string.Empty)
        + new string(name.Select(c => faker.Random.Bool() ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray())
        + (faker.Random.Bool() ? "  " : string.Empty);
}
