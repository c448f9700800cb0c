using System.Text.Json;
using CertGrid.Api.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Events;

/// <summary>
/// The event feed live over GraphQL-over-SSE (<c>/graphql</c> with <c>Accept: text/event-stream</c>): an admin's
/// subscription replays the feed, then receives new events as mutations cause them, with heartbeats while quiet; the
/// server stops following once the client leaves; every bad key, cursor, type or operation is a coded error.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class LiveEventTests(SharedServerFixture fixture)
{
    public const string Subscription =
        "subscription($after: String, $types: [String!]) { events(after: $after, types: $types) { id type cursor learnerId } }";

    [Fact]
    public async Task A_subscription_replays_the_feed_then_streams_new_events_with_heartbeats_and_ends_when_the_client_leaves()
    {
        var scenario = await CommunityScenario.CreateAsync(fixture.GraphQl);
        var first = await scenario.EnrolLearnerAsync();
        var live = fixture.Cluster.Nodes[0].Services.GetRequiredService<LiveEventFeed>();
        var followingBefore = live.Following;

        await using (var stream = await EventStreamClient.OpenAsync(fixture.Cluster.CreateClient(), Subscription, new { types = new[] { "learner.enrolled" } }, scenario.AdminKey))
        {
            Assert.Equal(200, stream.Status);
            Assert.Equal("text/event-stream", stream.MediaType);
            var replayed = Event(await stream.NextResultAsync());
            Assert.Equal(("learner.enrolled", first.Id), (replayed.GetProperty("type").GetString(), replayed.GetProperty("learnerId").GetString()));

            var second = await scenario.EnrolLearnerAsync();
            var arrived = Event(await stream.NextResultAsync(TimeSpan.FromSeconds(8)));
            Assert.Equal(second.Id, arrived.GetProperty("learnerId").GetString());
            Assert.Equal(Sequence(replayed) + 1, Sequence(arrived));
            Assert.NotEqual(replayed.GetProperty("id").GetString(), arrived.GetProperty("id").GetString());
            Assert.True(live.Following > followingBefore);

            // Quiet for a while: comment lines keep the connection open (the test server beats every second).
            await stream.WaitForCommentsAsync(2, TimeSpan.FromSeconds(6));
        }

        await WaitUntilAsync(() => live.Following == followingBefore, "the server to stop following the feed after the client left");
    }

    [Fact]
    public async Task A_subscription_from_a_cursor_starts_after_it_and_filters_by_type()
    {
        var scenario = await CommunityScenario.CreateAsync(fixture.GraphQl);
        var learners = new[] { await scenario.EnrolLearnerAsync(), await scenario.EnrolLearnerAsync(), await scenario.EnrolLearnerAsync() };
        var page = (await fixture.GraphQl.DataAsync("{ events(first: 1) { events { cursor learnerId } } }", key: scenario.AdminKey)).GetProperty("events").GetProperty("events")[0];

        await using var stream = await EventStreamClient.OpenAsync(fixture.Cluster.CreateClient(), Subscription, new { after = page.GetProperty("cursor").GetString() }, scenario.AdminKey);
        var received = new List<string?> { Event(await stream.NextResultAsync()).GetProperty("learnerId").GetString(), Event(await stream.NextResultAsync()).GetProperty("learnerId").GetString() };

        var expected = learners.Select(l => l.Id).Where(id => id != page.GetProperty("learnerId").GetString()).ToList();
        Assert.Equal(expected.Order(), received.Order());
    }

    [Theory]
    [InlineData("{\"after\":\"not-a-cursor\"}", "VALIDATION_FAILED", "after")]
    [InlineData("{\"types\":[\"credential.issued\",\"credential.exploded\"]}", "VALIDATION_FAILED", "types[1]")]
    public async Task A_bad_cursor_or_type_ends_the_stream_with_a_coded_error_naming_the_argument(string variables, string code, string field)
    {
        var scenario = await CommunityScenario.CreateAsync(fixture.GraphQl);
        await using var stream = await EventStreamClient.OpenAsync(fixture.Cluster.CreateClient(), Subscription, JsonDocument.Parse(variables).RootElement, scenario.AdminKey);

        var error = (await stream.NextResultAsync()).GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal("complete", (await stream.NextMessageAsync())?.Event);
    }

    [Fact]
    public async Task Keys_that_may_not_follow_the_feed_and_operations_that_do_not_stream_are_refused_with_codes()
    {
        var scenario = await CommunityScenario.CreateAsync(fixture.GraphQl);
        var learner = await scenario.EnrolLearnerAsync();
        var http = fixture.Cluster.CreateClient();

        await using (var stream = await EventStreamClient.OpenAsync(http, Subscription, null, "cgk.not-a-real-key"))
        {
            Assert.Equal(401, stream.Status);
            Assert.Equal("UNAUTHENTICATED", Code(await stream.BodyAsync()));
        }

        await using (var stream = await EventStreamClient.OpenAsync(http, Subscription, null, learner.Key))
        {
            Assert.Equal("FORBIDDEN", Code(await stream.NextResultAsync()));
        }

        await using (var stream = await EventStreamClient.OpenAsync(http, Subscription, null, null))
        {
            Assert.Equal("UNAUTHENTICATED", Code(await stream.NextResultAsync()));
        }

        await using (var stream = await EventStreamClient.OpenAsync(http, "mutation { issueApiKey(input: { role: COMMUNITY_ADMIN }) { token } }", null, scenario.AdminKey))
        {
            Assert.Equal(400, stream.Status);
            Assert.Equal("GRAPHQL_VALIDATION_FAILED", Code(await stream.BodyAsync()));
        }

        await using (var stream = await EventStreamClient.OpenAsync(http, "subscription { events { id", null, scenario.AdminKey))
        {
            Assert.Equal(400, stream.Status);
            Assert.Equal("GRAPHQL_PARSE_FAILED", Code(await stream.BodyAsync()));
        }

        var (status, body) = await fixture.GraphQl.SendAsync(Subscription, key: scenario.AdminKey);
        Assert.Equal(400, status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", Code(body));
        Assert.Contains("text/event-stream", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_query_sent_as_an_event_stream_answers_once_and_completes()
    {
        await using var stream = await EventStreamClient.OpenAsync(fixture.Cluster.CreateClient(), "{ ping }", null, null);
        Assert.Equal("pong", (await stream.NextResultAsync()).GetProperty("data").GetProperty("ping").GetString());
        Assert.Equal("complete", (await stream.NextMessageAsync())?.Event);
    }

    private static JsonElement Event(JsonElement result)
    {
        Assert.False(result.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return result.GetProperty("data").GetProperty("events");
    }

    private static long Sequence(JsonElement evt) => long.Parse(evt.GetProperty("cursor").GetString()!["evc1.".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromMilliseconds(100))
        {
            Assert.True(waited < TimeSpan.FromSeconds(10), $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
