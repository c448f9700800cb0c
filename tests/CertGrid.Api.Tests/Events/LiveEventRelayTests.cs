namespace CertGrid.Api.Tests.Events;

/// <summary>
/// A live stream on a gateway replica that hosts no grains learns of new events through Redis: the feed grain's silo
/// announces "community X has events up to N", the relay carries it to every replica, and the stream reads the feed at
/// once. The poll interval is five minutes here, so nothing but the signal can bring the event within seconds.
/// </summary>
public sealed class LiveEventRelayTests
{
    [Fact]
    public async Task A_stream_on_another_gateway_receives_a_new_event_within_seconds_through_the_redis_signal()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 1, gateways: 1, extraSettings: new Dictionary<string, string?>
        {
            ["LiveEvents:PollInterval"] = "00:05:00",
        });
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(0));
        var first = await scenario.EnrolLearnerAsync();

        await using var stream = await EventStreamClient.OpenAsync(cluster.CreateClient(1), LiveEventTests.Subscription, new { types = new[] { "learner.enrolled" } }, scenario.AdminKey);
        var replayed = (await stream.NextResultAsync(TimeSpan.FromSeconds(60))).GetProperty("data").GetProperty("events");
        Assert.Equal(first.Id, replayed.GetProperty("learnerId").GetString());

        var second = await scenario.EnrolLearnerAsync();
        var arrived = (await stream.NextResultAsync(TimeSpan.FromSeconds(10))).GetProperty("data").GetProperty("events");
        Assert.Equal(second.Id, arrived.GetProperty("learnerId").GetString());
    }
}
