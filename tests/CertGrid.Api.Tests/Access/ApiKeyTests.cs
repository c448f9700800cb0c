namespace CertGrid.Api.Tests.Access;

/// <summary>Keys are random, shown once, stored as hashes, role-bound and revocable; bad keys are refused with 401.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class ApiKeyTests(SharedServerFixture server)
{
    [Fact]
    public async Task A_malformed_unknown_or_mistyped_key_is_refused_with_401_never_treated_as_anonymous()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var mistyped = scenario.AdminKey[..^2] + (scenario.AdminKey[^2..] == "AA" ? "BB" : "AA");
        foreach (var key in new[] { "not-a-key", "cgk.nope.key_aaaaaaaaaaaaaaaaaaaa.secret", mistyped, "cgop.wrong-operator-key" })
        {
            var (status, body) = await server.GraphQl.SendAsync("{ ping }", key: key);
            Assert.Equal(401, status);
            Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Without_a_key_only_public_operations_work()
    {
        var error = await server.GraphQl.ErrorAsync("UNAUTHENTICATED", "{ learners { nodes { id } } }");
        Assert.Contains("Authorization: Bearer", error.GetProperty("message").GetString());
        var viewer = await server.GraphQl.DataAsync("{ viewer { kind } }");
        Assert.Equal("ANONYMOUS", viewer.GetProperty("viewer").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Each_role_is_held_to_what_it_may_do()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var learner = await scenario.EnrolLearnerAsync();
        var evaluator = await scenario.RegisterEvaluatorAsync();
        var partner = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);

        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation { createCommunity(input: { id: \"sneaky\", name: \"x\" }) { adminKey } }", key: scenario.AdminKey);
        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation { enrolLearner(input: { name: \"x\", email: \"x@example.org\" }) { id } }", key: learner.Key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", "{ auditLog { nodes { sequence } } }", key: evaluator.Key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation { requestArtifactUpload(input: { title: \"t\", fileName: \"a.md\", contentType: \"text/markdown\", sizeBytes: 10 }) { uploadUrl } }", key: partner);
        await server.GraphQl.ErrorAsync("FORBIDDEN", "{ communities { nodes { id } } }", key: scenario.AdminKey);

        var viewer = await server.GraphQl.DataAsync("{ viewer { kind community role subjectId scopes } }", key: partner);
        Assert.Equal("PARTNER", viewer.GetProperty("viewer").GetProperty("role").GetString());
        Assert.Equal("credentials:read", viewer.GetProperty("viewer").GetProperty("scopes")[0].GetString());
        var credentials = await server.GraphQl.DataAsync("{ credentials { nodes { id } } }", key: partner);
        Assert.Empty(credentials.GetProperty("credentials").GetProperty("nodes").EnumerateArray());
    }

    [Fact]
    public async Task A_key_is_shown_once_and_only_its_metadata_is_listed()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var keys = await server.GraphQl.DataAsync("{ apiKeys { nodes { id role label createdAt revokedAt } } }", key: scenario.AdminKey);
        var listed = keys.GetProperty("apiKeys").GetProperty("nodes");
        Assert.Single(listed.EnumerateArray());
        Assert.DoesNotContain(scenario.AdminKey.Split('.')[3], keys.ToString());
        Assert.Equal("COMMUNITY_ADMIN", listed[0].GetProperty("role").GetString());
        Assert.Equal(43, scenario.AdminKey.Split('.')[3].Length);
    }

    [Fact]
    public async Task Keys_bound_to_a_subject_need_an_existing_subject()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        await server.GraphQl.ErrorAsync("NOT_FOUND", "mutation { issueApiKey(input: { role: LEARNER, subjectId: \"lrn_aaaaaaaaaaaaaaaaaaaa\", label: \"x\" }) { token } }", key: scenario.AdminKey);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation { issueApiKey(input: { role: EVALUATOR, label: \"x\" }) { token } }", key: scenario.AdminKey);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation { issueApiKey(input: { role: PARTNER, scopes: [\"everything\"], label: \"x\" }) { token } }", key: scenario.AdminKey);
    }
}
