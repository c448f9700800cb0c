namespace CertGrid.Testing.Quality;

/// <summary>
/// What a generated assessment history looks like and what is planted in it. Scores are on rubric levels 1..4:
/// a learner's ability is their typical level, an evaluator's severity shifts every level they give (negative =
/// harsh), and a bias takes points off every level given to learners of one organisation.
/// </summary>
public sealed record HistoryPlan
{
    public int Seed { get; init; } = 1;

    public int Organisations { get; init; } = 5;

    public int LearnersPerOrganisation { get; init; } = 80;

    public int Evaluators { get; init; } = 12;

    public int Criteria { get; init; } = 4;

    /// <summary>How far one evaluator's level strays from another's on the same work (standard deviation, in levels).</summary>
    public double RatingNoise { get; init; } = 0.3;

    /// <summary>Criteria (by index) whose levels are applied inconsistently: their noise is this many times larger.</summary>
    public IReadOnlyDictionary<int, double> AmbiguousCriteria { get; init; } = new Dictionary<int, double>();

    /// <summary>Planted severity by evaluator index, in levels (−0.8 = harsh, +0.8 = lenient).</summary>
    public IReadOnlyDictionary<int, double> Severity { get; init; } = new Dictionary<int, double>();

    /// <summary>The organisation (by index) that every evaluator scores lower, or null for no bias.</summary>
    public int? BiasedAgainstOrganisation { get; init; }

    /// <summary>How much lower, in levels.</summary>
    public double BiasLevels { get; init; } = 0.6;

    /// <summary>Percentage of the rubric maximum at which a review passes.</summary>
    public double PassThreshold { get; init; } = 60;

    public static string OrganisationId(int index) => $"org_{(char)('a' + index)}";

    public static string EvaluatorId(int index) => $"evl_{index:00}";
}
