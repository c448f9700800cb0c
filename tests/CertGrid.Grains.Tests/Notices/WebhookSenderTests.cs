using CertGrid.Abstractions.Notices;
using CertGrid.Grains.Notices;
using CertGrid.Testing;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Tests.Notices;

/// <summary>The sender against a real local receiver: internal addresses are refused at connect time unless allowed.</summary>
public sealed class WebhookSenderTests
{
    [Fact]
    public async Task A_receiver_on_an_internal_address_is_refused_by_default_and_reached_when_private_networks_are_allowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var byName = new Uri(receiver.Url).GetComponents(UriComponents.SchemeAndServer, UriFormat.Unescaped).Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/hooks";
        var delivery = new OutboxRow { NoticeId = "ntc_test", EndpointId = "whk_test", EventType = "renewal.window_opened", Payload = "{\"ok\":true}" };

        using (var guarded = new WebhookSender(Options.Create(new WebhookOptions { RequireHttps = false })))
        {
            foreach (var url in new[] { receiver.Url, byName })
            {
                var error = await guarded.SendAsync(new WebhookTarget("whk_test", url, "whsec_test-secret-long-enough-123"), delivery, 1, DateTimeOffset.UtcNow);
                Assert.NotNull(error);
                Assert.Contains("internal addresses", error, StringComparison.Ordinal);
            }
        }

        Assert.Empty(receiver.Received);
        using var open = new WebhookSender(Options.Create(new WebhookOptions { RequireHttps = false, AllowPrivateNetworks = true }));
        Assert.Null(await open.SendAsync(new WebhookTarget("whk_test", receiver.Url, "whsec_test-secret-long-enough-123"), delivery, 1, DateTimeOffset.UtcNow));
        Assert.Single(receiver.Received);
    }
}
