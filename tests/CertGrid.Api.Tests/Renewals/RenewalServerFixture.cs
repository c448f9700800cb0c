using CertGrid.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CertGrid.Api.Tests.Renewals;

/// <summary>One server (silo + API) whose domain clock the tests move, and a webhook receiver.</summary>
public sealed class RenewalServerFixture : IAsyncLifetime
{
    /// <summary>Local receivers, and two delivery attempts before a dead letter (30 s apart on the domain clock).</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Webhooks:RequireHttps"] = "false",
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:MaxAttempts"] = "2",
    };

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));

    public CertGridCluster Cluster { get; private set; } = null!;

    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Cluster = await CertGridCluster.StartAsync(silos: 1, extraSettings: Settings, clock: Clock);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
