using CertGrid.Abstractions.Hosting;
using CertGrid.Grains.Hosting;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Hosting;

namespace CertGrid.Benchmarks.Hosting;

/// <summary>One in-process silo with CertGrid's grains on Azurite, a movable domain clock, and long call timeouts (Azurite is slow under load).</summary>
public sealed class BenchmarkSilo(IHost host, StorageClients storage, FakeTimeProvider clock) : IAsyncDisposable
{
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public StorageClients Storage => storage;

    public FakeTimeProvider Clock => clock;

    /// <param name="connectionString">The storage account (Azurite).</param>
    /// <param name="settings">Configuration over the benchmark defaults (for example <c>Renewals:BatchSize</c>).</param>
    /// <param name="meter">Counts every storage request the silo sends, or null.</param>
    public static async Task<BenchmarkSilo> StartAsync(string connectionString, IReadOnlyDictionary<string, string?> settings, RequestMeter? meter = null)
    {
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..6];
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:AzureStorage"] = connectionString,
            ["Storage:NamePrefix"] = prefix,
            ["Storage:RequestTimeout"] = "00:01:00",
            ["Storage:MaxRetries"] = "5",
            ["PublicUrls:BaseUrl"] = "https://certgrid.bench",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        var storage = new StorageClients(StorageOptions.From(builder.Configuration).Validated(), meter);
        meter?.Attach(storage);
        await StoragePreflight.EnsureReadyAsync(storage, TimeSpan.FromSeconds(30));
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(12));
        builder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.ServiceKey, clock);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(serviceId: prefix, clusterId: prefix);
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
            silo.Configure<GrainCollectionOptions>(o => o.ActivationTimeout = TimeSpan.FromMinutes(5));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.AddCertGrid(storage);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkSilo(host, storage, clock);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
