using System.Text.Json;

namespace CertGrid.Api.Tests.Events;

/// <summary>
/// The event feed over GraphQL: a community's certification produces its events in order, a client catches up page by
/// page from a cursor, filters by type, and sees neither another community's events nor anyone's name or email.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class EventFeedTests(SharedServerFixture fixture)
{
    private const string FeedQuery =
        "query($after: String, $first: Int, $types: [String!]) { events(after: $after, first: $first, types: $types) { " +
        "events { id type cursor occurredAt learnerId credentialId credentialDefinitionId attemptId appealId evaluatorId outcome } endCursor hasMore } }";

    [Fact]
    public async Task A_certification_appears_in_the_feed_in_order_and_a_client_resumes_from_its_cursor()
    {
        var scenario = await CommunityScenario.CreateAsync(fixture.GraphQl);
        var other = await CommunityScenario.CreateAsync(fixture.GraphQl);
        var (learnerId, credentialId, definitionId, attemptId, email) = await CertificationEvents.CertifyAndRevokeAsync(scenario);

        var all = await WaitForEventsAsync(scenario, 7);
        var types = all.Select(e => e.GetProperty("type").GetString()!).ToList();
        Assert.Equal(CertificationEvents.Types.Order(), types.Order());

        // One grain's events keep the order it made its changes in (different grains' effects are independent).
        Assert.Equal("learner.enrolled", types[0]);
        Assert.True(types.IndexOf("attempt.submitted") < types.LastIndexOf("evaluator.assigned") && types.LastIndexOf("evaluator.assigned") < types.IndexOf("attempt.decided"), string.Join(", ", types));
        Assert.True(types.IndexOf("credential.issued") < types.IndexOf("credential.revoked"), string.Join(", ", types));
        Assert.Equal(all.Count, all.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(all.Select(e => e.GetProperty("cursor").GetString()).ToList(), all.Select(e => e.GetProperty("cursor").GetString()).Distinct().ToList());

        var decided = all.Single(e => e.GetProperty("type").GetString() == "attempt.decided");
        Assert.Equal("Passed", decided.GetProperty("outcome").GetString());
        Assert.Equal(attemptId, decided.GetProperty("attemptId").GetString());
        var issued = all.Single(e => e.GetProperty("type").GetString() == "credential.issued");
        Assert.Equal((learnerId, credentialId, definitionId), (issued.GetProperty("learnerId").GetString(), issued.GetProperty("credentialId").GetString(), issued.GetProperty("credentialDefinitionId").GetString()));
        Assert.All(all.Where(e => e.GetProperty("type").GetString() == "evaluator.assigned"), e => Assert.StartsWith("evl_", e.GetProperty("evaluatorId").GetString()));
        Assert.DoesNotContain(email, JsonSerializer.Serialize(all), StringComparison.OrdinalIgnoreCase);

        // Catching up three at a time from the cursor gives the same events, once each, in the same order.
        var resumed = new List<JsonElement>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await FeedAsync(scenario, new { after = cursor, first = 3 });
            resumed.AddRange(page.GetProperty("events").EnumerateArray());
            cursor = page.GetProperty("endCursor").GetString();
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        Assert.Equal(all.Select(e => e.GetProperty("id").GetString()), resumed.Select(e => e.GetProperty("id").GetString()));
        var atTheEnd = await FeedAsync(scenario, new { after = cursor });
        Assert.Empty(atTheEnd.GetProperty("events").EnumerateArray());
        Assert.Equal(cursor, atTheEnd.GetProperty("endCursor").GetString());

        var onlyIssued = await FeedAsync(scenario, new { types = new[] { "credential.issued", "credential.revoked" } });
        Assert.Equal(["credential.issued", "credential.revoked"], onlyIssued.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray());

        // Another community's feed holds none of it, even when read with this community's cursor.
        var elsewhere = await FeedAsync(other, new { after = (string?)null });
        Assert.DoesNotContain(elsewhere.GetProperty("events").EnumerateArray(), e => all.Any(a => a.GetProperty("id").GetString() == e.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("not-a-cursor", null, "after")]
    [InlineData("evc1.-4", null, "after")]
    [InlineData(null, "credential.exploded", "types[0]")]
    public async Task A_bad_cursor_or_event_type_is_a_coded_error_naming_the_argument(string? after, string? type, string field)
    {
        var scenario = await CommunityScenario.CreateAsync(fixture.GraphQl);
        var error = await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", FeedQuery, new { after, types = type is null ? null : new[] { type } }, scenario.AdminKey);
        Assert.Equal(field, error.GetProperty("extensions").GetProperty("field").GetString());
    }

    [Fact]
    public async Task Only_admins_read_the_feed()
    {
        var scenario = await CommunityScenario.CreateAsync(fixture.GraphQl);
        var learner = await scenario.EnrolLearnerAsync();
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", FeedQuery, new { first = 5 }, learner.Key);
        await scenario.GraphQl.ErrorAsync("UNAUTHENTICATED", FeedQuery, new { first = 5 });
    }

    /// <summary>Events are appended as effects right after each change; the feed has them within moments.</summary>
    private static async Task<List<JsonElement>> WaitForEventsAsync(CommunityScenario scenario, int count)
    {
        for (var tries = 0; ; tries++)
        {
            var events = (await FeedAsync(scenario, new { first = 100 })).GetProperty("events").EnumerateArray().ToList();
            if (events.Count >= count || tries > 100)
            {
                return events;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> FeedAsync(CommunityScenario scenario, object variables) =>
        (await scenario.GraphQl.DataAsync(FeedQuery, variables, scenario.AdminKey)).GetProperty("events");
}
