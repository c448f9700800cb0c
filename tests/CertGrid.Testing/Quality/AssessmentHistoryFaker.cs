using Bogus;

namespace CertGrid.Testing.Quality;

/// <summary>
/// Generates realistic assessment histories with Bogus: organisations of learners of varying ability (the same
/// ability distribution in every organisation), evaluators from those organisations with built-in severity, panels of
/// two independent evaluators never from the learner's organisation (a third decides a split), and, when the plan
/// says so, a bias against one organisation's learners. The same plan (and seed) always gives the same history.
/// </summary>
public static class AssessmentHistoryFaker
{
    private const int LowestLevel = 1;
    private const int HighestLevel = 4;
    private static readonly string[] Languages = ["en", "fr", "de", "es"];
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static AssessmentHistory Generate(HistoryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var faker = new Faker { Random = new Randomizer(plan.Seed) };
        var evaluators = Enumerable.Range(0, plan.Evaluators)
            .Select(i => new HistoryEvaluator(HistoryPlan.EvaluatorId(i), HistoryPlan.OrganisationId(i % plan.Organisations), plan.Severity.GetValueOrDefault(i)))
            .ToList();
        var learners = Enumerable.Range(0, plan.Organisations)
            .SelectMany(o => Enumerable.Range(0, plan.LearnersPerOrganisation).Select(l => new HistoryLearner(
                $"lrn_{o}_{l:000}", HistoryPlan.OrganisationId(o), faker.PickRandom(Languages), $"coh_{faker.Random.Int(1, 4)}",
                Math.Clamp(Normal(faker, 2.9, 0.7), 1, 4.2))))
            .ToList();
        var attempts = faker.Random.Shuffle(learners)
            .Select((learner, i) => Attempt(faker, plan, learner, evaluators, $"att_{i:00000}", Start.AddHours(i * 3)))
            .ToList();
        return new AssessmentHistory(plan, learners, evaluators, attempts);
    }

    private static HistoryAttempt Attempt(Faker faker, HistoryPlan plan, HistoryLearner learner, List<HistoryEvaluator> evaluators, string id, DateTimeOffset decidedAt)
    {
        var independent = faker.Random.Shuffle(evaluators.Where(e => e.Organisation != learner.Organisation)).ToList();
        var bias = plan.BiasedAgainstOrganisation is { } target && HistoryPlan.OrganisationId(target) == learner.Organisation ? -plan.BiasLevels : 0;
        var reviews = independent.Take(2).Select(e => Review(faker, plan, learner, e, bias)).ToList();
        if (reviews[0].Passed != reviews[1].Passed)
        {
            reviews.Add(Review(faker, plan, learner, independent[2], bias));
        }

        return new HistoryAttempt(id, learner, reviews, reviews.Count(r => r.Passed) * 2 > reviews.Count, decidedAt);
    }

    private static HistoryReview Review(Faker faker, HistoryPlan plan, HistoryLearner learner, HistoryEvaluator evaluator, double bias)
    {
        var levels = Enumerable.Range(0, plan.Criteria).Select(c =>
        {
            var noise = plan.RatingNoise * plan.AmbiguousCriteria.GetValueOrDefault(c, 1);
            var latent = learner.Ability + evaluator.Severity + bias + Normal(faker, 0, noise);
            return Math.Clamp((int)Math.Round(latent), LowestLevel, HighestLevel);
        }).ToList();
        var percent = levels.Average(l => (l - LowestLevel) * 100.0 / (HighestLevel - LowestLevel));
        return new HistoryReview(evaluator.Id, levels, percent, percent >= plan.PassThreshold);
    }

    /// <summary>A normal draw by the Box–Muller transform from Bogus's seeded generator.</summary>
    private static double Normal(Faker faker, double mean, double deviation) =>
        mean + deviation * Math.Sqrt(-2 * Math.Log(1 - faker.Random.Double())) * Math.Cos(2 * Math.PI * faker.Random.Double());
}
