using CertGrid.Abstractions.Hosting;
using System.Collections.Concurrent;
using CertGrid.Grains.Hosting;
using CertGrid.Grains.Privacy;
using CertGrid.Grains.Storage;
using CertGrid.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>
/// An Orleans.TestingHost cluster of two silos running CertGrid's grains against Azurite, in a private
/// storage slice. A second cluster can be started on the same slice to prove state survives a restart.
/// </summary>
public sealed class GrainCluster : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();
    private readonly string _clockId = Guid.NewGuid().ToString("N");

    private readonly IReadOnlyDictionary<string, string?> _extraSettings;

    private GrainCluster(StorageScope storage, bool ownsStorage, IReadOnlyDictionary<string, string?>? extraSettings)
    {
        Storage = storage;
        OwnsStorage = ownsStorage;
        _extraSettings = extraSettings ?? new Dictionary<string, string?>();
        Clock = Clocks.GetOrAdd(_clockId, _ => new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero)));
    }

    public StorageScope Storage { get; }

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The clock every grain of this cluster reads; tests move it.</summary>
    public FakeTimeProvider Clock { get; }

    public StorageClients StorageClients { get; private set; } = null!;

    /// <summary>Makes the given grain methods (<c>Interface.Method</c>) unreachable until <see cref="EndOutage"/>.</summary>
    public void BeginOutage(params string[] methods) => CallOutage.Begin(_clockId, methods);

    public void EndOutage() => CallOutage.End(_clockId);

    /// <summary>Fails every n-th of the community's grain-state writes and every m-th read until <see cref="EndStorageFaults"/>.</summary>
    public StorageFaults.Plan BeginStorageFaults(string community, int everyNthWrite, int everyNthRead) => StorageFaults.Arm(_clockId, community, everyNthWrite, everyNthRead);

    public void EndStorageFaults() => StorageFaults.Disarm(_clockId);

    /// <summary>Fails one write of the grain with this key: the one after <paramref name="skip"/> successful ones (see <see cref="StorageFaults"/>).</summary>
    public void FailOneWrite(string grainKey, int skip, bool afterStoring) => StorageFaults.FailOneWrite(_clockId, grainKey, skip, afterStoring);

    /// <summary>Fails every read of the grain's state until <see cref="EndFailingReads"/> (see <see cref="StorageFaults"/>).</summary>
    public void FailReads(string grainKey) => StorageFaults.FailReads(_clockId, grainKey);

    public void EndFailingReads(string grainKey) => StorageFaults.EndFailingReads(_clockId, grainKey);

    /// <summary>Moves an active grain to a secondary silo (the primary holds the test membership, so it is never killed).</summary>
    public async Task MoveToSecondarySiloAsync(IAddressable grain)
    {
        var secondary = Cluster.SecondarySilos[0].SiloAddress;
        if (await HostOfAsync(grain) != secondary)
        {
            await Cluster.MigrateAsync(grain, secondary);
        }

        await Eventually.HoldsAsync(() => HostOfAsync(grain), host => host == secondary, $"{grain.GetGrainId()} runs on {secondary}");
    }

    /// <summary>
    /// Kills (no graceful shutdown, no deactivation) the secondary silo a grain is active on, and waits until the cluster
    /// knows. Returns the killed silo's address.
    /// </summary>
    public async Task<SiloAddress> KillSiloHostingAsync(IAddressable grain)
    {
        var host = await HostOfAsync(grain);
        var silo = Cluster.SecondarySilos.Single(s => s.SiloAddress == host);
        await Cluster.KillSiloAsync(silo);
        await Cluster.WaitForLivenessToStabilizeAsync();
        return silo.SiloAddress;
    }

    private async Task<SiloAddress?> HostOfAsync(IAddressable grain) => await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);

    private bool OwnsStorage { get; }

    /// <param name="extraSettings">Configuration for the silos (for example <c>Renewals:SweepPeriod</c>), over the test defaults.</param>
    public static async Task<GrainCluster> StartAsync(StorageScope? storage = null, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var cluster = new GrainCluster(storage ?? new StorageScope(), ownsStorage: storage is null, extraSettings);
        await cluster.DeployAsync();
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Clocks.TryRemove(_clockId, out _);
        if (OwnsStorage)
        {
            await Storage.DisposeAsync();
        }
    }

    private async Task DeployAsync()
    {
        var settings = new Dictionary<string, string?>(Storage.Settings)
        {
            ["PublicUrls:BaseUrl"] = "https://certgrid.test",
            ["Test:ClockId"] = _clockId,
            ["Verification:KeysCacheLifetime"] = "00:00:00",
            ["Webhooks:RequireHttps"] = "false",
            ["Webhooks:AllowPrivateNetworks"] = "true",
        };
        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }

        StorageClients = new StorageClients(StorageOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).Validated());
        await StoragePreflight.EnsureReadyAsync(StorageClients, TimeSpan.FromSeconds(30));

        var builder = new TestClusterBuilder(2);
        builder.Options.ClusterId = "grains-" + Storage.NamePrefix + "-" + Guid.NewGuid().ToString("N")[..6];
        builder.Options.ServiceId = "grains-" + Storage.NamePrefix;
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var clockId = siloBuilder.Configuration["Test:ClockId"]!;
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.ServiceKey, Clocks[clockId]);
            siloBuilder.AddIncomingGrainCallFilter(new CallOutage(clockId));
            // Reminders may tick every second in tests (a renewal test drives the community reminder this way).
            siloBuilder.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            siloBuilder.AddCertGrid(new StorageClients(StorageOptions.From(siloBuilder.Configuration).Validated()));
            // ErasurePlanRolloutTests starts the rollout itself; run at start, it could complete a tombstone another test
            // has just set back to an older plan before that test looks.
            foreach (var rollouts in siloBuilder.Services.Where(d => d.ImplementationType == typeof(ErasurePlanRollouts)).ToList())
            {
                siloBuilder.Services.Remove(rollouts);
            }
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainStore, (services, _) =>
                new StorageFaults(clockId, new SpreadRowKeyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(SpreadRowKeyGrainStorage.TableStorageName))));
        }
    }
}
