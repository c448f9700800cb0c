namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>One two-silo cluster shared by the tests of a class; each test uses its own community.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public GrainCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Grains;

    public async Task InitializeAsync() => Cluster = await GrainCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public static string NewCommunity() => "g" + Guid.NewGuid().ToString("N")[..10];
}
