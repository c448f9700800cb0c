namespace CertGrid.Api.Tests.Infrastructure;

/// <summary>
/// One real server (silo + API) with Redis, shared by the test classes of the "shared server" collection so
/// they do not each pay for a start-up. Tests in it create their own communities, so they stay independent.
/// </summary>
public sealed class SharedServerFixture : IAsyncLifetime
{
    public CertGridCluster Cluster { get; private set; } = null!;

    public GraphQlClient GraphQl => Cluster.GraphQl();

    public async Task InitializeAsync() => Cluster = await CertGridCluster.StartAsync(silos: 1, extraSettings: new Dictionary<string, string?>
    {
        ["Portfolio:MaxArtifactBytes"] = "4096",
        ["GraphQL:MaxRequestBytes"] = "65536",
        ["LiveEvents:HeartbeatInterval"] = "00:00:01",
    });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedServerGroup : ICollectionFixture<SharedServerFixture>
{
    public const string Name = "shared server";
}
