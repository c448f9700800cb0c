namespace CertGrid.Grains.Tests.Renewals;

/// <summary>One two-silo cluster shared by the renewal test classes (each test uses its own community): 100 deadlines per bucket page and a short webhook backoff.</summary>
public sealed class RenewalsFixture : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Renewals:BucketPageCapacity"] = "100",
        ["Renewals:BatchSize"] = "64",
        ["Webhooks:InitialBackoff"] = "00:00:30",
        ["Webhooks:MaxBackoff"] = "00:10:00",
        ["Webhooks:MaxAttempts"] = "4",
        ["Webhooks:Timeout"] = "00:00:05",
    };

    public GrainCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Grains;

    public async Task InitializeAsync() => Cluster = await GrainCluster.StartAsync(extraSettings: Settings);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RenewalsGroup : ICollectionFixture<RenewalsFixture>
{
    public const string Name = "renewals";
}
