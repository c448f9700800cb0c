namespace CertGrid.Api.Tests.HostileInput;

/// <summary>
/// A server of its own for the hostile-input suite (its store is compared before and after, so nothing else may write
/// to it): one community with a published framework and credential, a learner, an evaluator and a partner, each with
/// a key.
/// </summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    public CertGridCluster Cluster { get; private set; } = null!;

    public KnownIds Ids { get; private set; } = null!;

    public IReadOnlyDictionary<string, string?> Keys { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await CertGridCluster.StartAsync(silos: 1);
        var scenario = await CommunityScenario.CreateAsync(Cluster.GraphQl());
        var framework = await scenario.DefinePublishedFrameworkAsync();
        var definition = await scenario.DefineCredentialAsync(framework);
        var learner = await scenario.EnrolLearnerAsync();
        var evaluator = await scenario.RegisterEvaluatorAsync();
        Ids = new KnownIds(scenario.Community, learner.Id, evaluator.Id, framework, definition);
        Keys = new Dictionary<string, string?>
        {
            ["admin"] = scenario.AdminKey,
            ["learner"] = learner.Key,
            ["evaluator"] = evaluator.Key,
            ["partner"] = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]),
            ["operator"] = CertGridCluster.OperatorKey,
            ["anonymous"] = null,
        };
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
