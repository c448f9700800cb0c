using System.Globalization;
using CertGrid.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CertGrid.Api.Tests.Notices.Email;

/// <summary>
/// One server (silo + API) whose domain clock the tests move, sending notice emails to maildev (started by ./test.sh) and
/// webhooks to receivers on this machine.
/// </summary>
public sealed class EmailServerFixture : IAsyncLifetime
{
    public const string LinkKey = "test-link-key-for-unsubscribe-tokens-0123456789";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));

    public CertGridCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await StartAsync(Clock, TestEnvironment.SmtpPort);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A one-silo server that sends its notice emails to the SMTP relay on <paramref name="smtpPort"/> and its webhooks to local receivers.</summary>
    public static Task<CertGridCluster> StartAsync(TimeProvider clock, int smtpPort) => CertGridCluster.StartAsync(silos: 1, clock: clock, extraSettings: new Dictionary<string, string?>
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
        ["Email:FromAddress"] = "notices@certgrid.test",
        ["Email:LinkKey"] = LinkKey,
        ["Email:Timeout"] = "00:00:10",
        ["Webhooks:RequireHttps"] = "false",
        ["Webhooks:AllowPrivateNetworks"] = "true",
    });
}

/// <summary>One server sending its notice emails to a relay that refuses addresses starting with 'bounce'.</summary>
public sealed class RefusingRelayServerFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));

    public RefusingSmtpServer Relay { get; } = RefusingSmtpServer.Start();

    public CertGridCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await EmailServerFixture.StartAsync(Clock, Relay.Port);

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Relay.DisposeAsync();
    }
}
