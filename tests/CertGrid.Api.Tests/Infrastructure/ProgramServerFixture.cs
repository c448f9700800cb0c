using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertGrid.Api.Tests.Infrastructure;

/// <summary>
/// One real server whose grains read a fake domain clock, shared by the program tests (frameworks, governance,
/// pathways, cohorts, progress). Tests in the collection run one after another and only ever move the clock
/// forward, so each works with dates relative to <see cref="Now"/>.
/// </summary>
public sealed class ProgramServerFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    public CertGridCluster Cluster { get; private set; } = null!;

    public GraphQlClient GraphQl => Cluster.GraphQl();

    public IGrainFactory Grains => Cluster.Nodes[0].Services.GetRequiredService<IGrainFactory>();

    public DateTimeOffset Now => Clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public async Task InitializeAsync() => Cluster = await CertGridCluster.StartAsync(silos: 1, clock: Clock);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ProgramServerGroup : ICollectionFixture<ProgramServerFixture>
{
    public const string Name = "program server";
}
