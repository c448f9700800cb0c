using CertGrid.Abstractions.Hosting;
using CertGrid.Grains.Hosting;
using CertGrid.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertGrid.Api.Tests.Infrastructure;

/// <summary>
/// One real CertGrid process (silo + API, built by the same code as Program.cs) inside the test process,
/// listening on a real Kestrel port.
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerNode(WebApplication app, Uri baseAddress, LogCapture logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    /// <summary>What this server logged (CertGrid categories, Information and above).</summary>
    public LogCapture Logs { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="clock">The domain clock the silo's grains read (tests move it); the system clock when null.</param>
    /// <param name="services">Test-only services added to this node (a grain call filter that injects a fault, say).</param>
    public static async Task<ServerNode> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var logs = new LogCapture();
        var app = await CertGridServer.BuildAsync([], builder =>
        {
            if (clock is not null)
            {
                builder.Services.AddKeyedSingleton(DomainClock.ServiceKey, clock);
            }

            services?.Invoke(builder.Services);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Orleans", LogLevel.Error);
        });
        await app.StartAsync();
        return new ServerNode(app, new Uri(settings["Urls"]!), logs);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
