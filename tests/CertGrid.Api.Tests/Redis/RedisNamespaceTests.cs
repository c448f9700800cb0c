using CertGrid.Api.Redis;
using CertGrid.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CertGrid.Api.Tests.Redis;

/// <summary>
/// Deployments that share one Redis (staging beside production, or the suite's many test clusters) stay apart:
/// each service's keys and channels live under its own prefix, so one never reads another's cached API keys or
/// rate-limit counters, and a status change announced by one does not drop another's cached verifications.
/// </summary>
public sealed class RedisNamespaceTests
{
    [Fact]
    public async Task Two_services_on_one_redis_share_neither_keys_nor_announcements_while_nodes_of_one_service_share_both()
    {
        var options = new RedisOptions { ConnectionString = TestEnvironment.Redis };
        var (first, second) = ("svc-" + Guid.NewGuid().ToString("N")[..8], "svc-" + Guid.NewGuid().ToString("N")[..8]);
        await using var firstNode = await RedisConnection.ConnectAsync(options, first, NullLogger.Instance);
        await using var firstOtherNode = await RedisConnection.ConnectAsync(options, first, NullLogger.Instance);
        await using var secondNode = await RedisConnection.ConnectAsync(options, second, NullLogger.Instance);

        await firstNode.Database.StringSetAsync("certgrid:apikey:guild/key1", "cached", TimeSpan.FromMinutes(1));
        Assert.Equal("cached", (string?)await firstOtherNode.Database.StringGetAsync("certgrid:apikey:guild/key1"));
        Assert.False((await secondNode.Database.StringGetAsync("certgrid:apikey:guild/key1")).HasValue);

        var heardBySameService = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var heardByOtherService = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = RedisChannel.Literal("certgrid:verification-epoch");
        await firstOtherNode.Subscriber.SubscribeAsync(channel, (_, message) => heardBySameService.TrySetResult(message.ToString()));
        await secondNode.Subscriber.SubscribeAsync(channel, (_, message) => heardByOtherService.TrySetResult(message.ToString()));

        await firstNode.Subscriber.PublishAsync(channel, "changed");
        Assert.Equal("changed", await heardBySameService.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        await Task.Delay(300);
        Assert.False(heardByOtherService.Task.IsCompleted, "a service heard another service's announcement");
    }
}
