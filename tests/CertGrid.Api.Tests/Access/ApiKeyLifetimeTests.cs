namespace CertGrid.Api.Tests.Access;

/// <summary>API keys expire, record when they were last used, and rotate: the replacement works, the old key stops after its grace period.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class ApiKeyLifetimeTests(SharedServerFixture server)
{
    private const string Issue = "mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { token apiKey { id expiresAt } } }";
    private const string Rotate = "mutation($id: ID!, $grace: Int!) { rotateApiKey(id: $id, graceMinutes: $grace) { token apiKey { id expiresAt label role } } }";

    [Fact]
    public async Task A_key_issued_with_an_expiry_lists_it_and_an_expiry_in_the_past_or_too_far_ahead_is_refused()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var expiry = DateTimeOffset.UtcNow.AddDays(30);
        var issued = await server.GraphQl.DataAsync(Issue, new { input = new { role = "COMMUNITY_ADMIN", label = "quarterly report job", expiresAt = expiry } }, scenario.AdminKey);
        var listedExpiry = issued.GetProperty("issueApiKey").GetProperty("apiKey").GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(listedExpiry, expiry.AddSeconds(-1), expiry.AddSeconds(1));
        Assert.Equal("MEMBER", (await server.GraphQl.DataAsync("{ viewer { kind } }", key: issued.GetProperty("issueApiKey").GetProperty("token").GetString())).GetProperty("viewer").GetProperty("kind").GetString());

        var past = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Issue, new { input = new { role = "COMMUNITY_ADMIN", label = "late", expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) } }, scenario.AdminKey);
        Assert.Contains("already passed", past.GetProperty("message").GetString());
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Issue, new { input = new { role = "COMMUNITY_ADMIN", label = "forever", expiresAt = DateTimeOffset.UtcNow.AddYears(5) } }, scenario.AdminKey);
    }

    [Fact]
    public async Task A_used_key_shows_when_it_was_last_used()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var learner = await scenario.EnrolLearnerAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await server.GraphQl.DataAsync("{ learner { id } }", key: learner.Key);

        var keys = await server.GraphQl.DataAsync("{ apiKeys { nodes { role lastUsedAt } } }", key: scenario.AdminKey);
        var learnerKey = keys.GetProperty("apiKeys").GetProperty("nodes").EnumerateArray().Single(k => k.GetProperty("role").GetString() == "LEARNER");
        Assert.InRange(learnerKey.GetProperty("lastUsedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task A_rotated_key_is_replaced_by_a_key_with_the_same_role_and_stops_working_after_its_grace_period()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var learner = await scenario.EnrolLearnerAsync();
        var oldKeyId = learner.Key.Split('.')[2];

        var rotated = (await server.GraphQl.DataAsync(Rotate, new { id = oldKeyId, grace = 0 }, scenario.AdminKey)).GetProperty("rotateApiKey");
        var newKey = rotated.GetProperty("token").GetString()!;
        Assert.Equal("LEARNER", rotated.GetProperty("apiKey").GetProperty("role").GetString());
        Assert.NotEqual(oldKeyId, rotated.GetProperty("apiKey").GetProperty("id").GetString());

        var viewer = await server.GraphQl.DataAsync("{ viewer { role subjectId } }", key: newKey);
        Assert.Equal(learner.Id, viewer.GetProperty("viewer").GetProperty("subjectId").GetString());
        var (status, body) = await server.GraphQl.SendAsync("{ viewer { kind } }", key: learner.Key);
        Assert.Equal(401, status);
        Assert.Contains("expired", body.GetProperty("errors")[0].GetProperty("message").GetString());

        var listed = await server.GraphQl.DataAsync("{ apiKeys { nodes { id rotatedTo expiresAt } } }", key: scenario.AdminKey);
        var old = listed.GetProperty("apiKeys").GetProperty("nodes").EnumerateArray().Single(k => k.GetProperty("id").GetString() == oldKeyId);
        Assert.Equal(rotated.GetProperty("apiKey").GetProperty("id").GetString(), old.GetProperty("rotatedTo").GetString());
        await server.GraphQl.ErrorAsync("CONFLICT", Rotate, new { id = oldKeyId, grace = 0 }, scenario.AdminKey);
    }

    [Fact]
    public async Task A_key_rotated_with_a_grace_period_keeps_working_until_then()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var evaluatorKey = await scenario.IssueKeyAsync("EVALUATOR", (await scenario.RegisterEvaluatorAsync()).Id);
        var rotated = (await server.GraphQl.DataAsync(Rotate, new { id = evaluatorKey.Split('.')[2], grace = 60 }, scenario.AdminKey)).GetProperty("rotateApiKey");

        Assert.Equal("EVALUATOR", (await server.GraphQl.DataAsync("{ viewer { role } }", key: evaluatorKey)).GetProperty("viewer").GetProperty("role").GetString());
        Assert.Equal("EVALUATOR", (await server.GraphQl.DataAsync("{ viewer { role } }", key: rotated.GetProperty("token").GetString())).GetProperty("viewer").GetProperty("role").GetString());
        var listed = await server.GraphQl.DataAsync("{ apiKeys { nodes { id expiresAt } } }", key: scenario.AdminKey);
        var old = listed.GetProperty("apiKeys").GetProperty("nodes").EnumerateArray().Single(k => k.GetProperty("id").GetString() == evaluatorKey.Split('.')[2]);
        Assert.InRange(old.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(58), DateTimeOffset.UtcNow.AddMinutes(61));
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Rotate, new { id = rotated.GetProperty("apiKey").GetProperty("id").GetString(), grace = -1 }, scenario.AdminKey);
    }
}
