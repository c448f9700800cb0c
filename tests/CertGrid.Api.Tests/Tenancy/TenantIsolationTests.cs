namespace CertGrid.Api.Tests.Tenancy;

/// <summary>
/// One community can never see or touch another's data, even with ids copied from the other community:
/// every grain key is built from the caller's own community.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class TenantIsolationTests(SharedServerFixture server) : IAsyncLifetime
{
    private CommunityScenario _a = null!;
    private CommunityScenario _b = null!;
    private (string Id, string Key) _learnerA;
    private (string Id, string Key) _evaluatorA;
    private (string Id, string Key) _learnerB;
    private string _credentialDefinitionB = null!;
    private string _artifactB = null!;
    private string _attemptB = null!;
    private string _credentialB = null!;

    public async Task InitializeAsync()
    {
        _a = await CommunityScenario.CreateAsync(server.GraphQl);
        _b = await CommunityScenario.CreateAsync(server.GraphQl);
        var frameworkA = await _a.DefinePublishedFrameworkAsync();
        await _a.DefineCredentialAsync(frameworkA);
        _learnerA = await _a.EnrolLearnerAsync();
        _evaluatorA = await _a.RegisterEvaluatorAsync();

        var frameworkB = await _b.DefinePublishedFrameworkAsync();
        _credentialDefinitionB = await _b.DefineCredentialAsync(frameworkB);
        _learnerB = await _b.EnrolLearnerAsync();
        var evaluatorsB = new[] { await _b.RegisterEvaluatorAsync(), await _b.RegisterEvaluatorAsync() };
        _artifactB = await _b.UploadArtifactAsync(_learnerB.Key);
        var attempt = await _b.SubmitAttemptAsync(_learnerB.Key, _credentialDefinitionB, _artifactB);
        _attemptB = attempt.GetProperty("id").GetString()!;
        JsonElement decided = default;
        foreach (var evaluator in evaluatorsB)
        {
            decided = await _b.ReviewAsync(evaluator.Key, _attemptB, "Exemplary");
        }

        _credentialB = decided.GetProperty("credentialId").GetString()!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("query($id: ID!) { learner(id: $id) { name } }", "learner")]
    [InlineData("query($id: ID!) { attempt(id: $id) { status } }", "attempt")]
    [InlineData("query($id: ID!) { credential(id: $id) { jwt } }", "credential")]
    [InlineData("query($id: ID!) { credentialDefinition(id: $id) { name } }", "credentialDefinition")]
    public async Task An_admin_cannot_read_another_communitys_records_by_copied_id(string query, string what)
    {
        var id = what switch
        {
            "learner" => _learnerB.Id,
            "attempt" => _attemptB,
            "credential" => _credentialB,
            _ => _credentialDefinitionB,
        };
        await server.GraphQl.ErrorAsync("NOT_FOUND", query, new { id }, _a.AdminKey);
    }

    [Fact]
    public async Task An_admin_cannot_change_another_communitys_records()
    {
        await server.GraphQl.ErrorAsync("NOT_FOUND", "mutation($id: ID!) { revokeCredential(id: $id, reason: \"hostile\") { status } }", new { id = _credentialB }, _a.AdminKey);
        await server.GraphQl.ErrorAsync("NOT_FOUND", "mutation($id: ID!) { publishCredential(id: $id) { status } }", new { id = _credentialDefinitionB }, _a.AdminKey);
        await server.GraphQl.ErrorAsync("NOT_FOUND", "mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { token } }",
            new { input = new { role = "LEARNER", subjectId = _learnerB.Id, label = "stolen" } }, _a.AdminKey);

        var verification = await server.GraphQl.DataAsync("query($c: String!) { verifyCredential(credential: $c) { valid } }",
            new { c = new Uri(server.Cluster.PublicBaseUrl, $"/c/{_b.Community}/credentials/{_credentialB}").ToString() });
        Assert.True(verification.GetProperty("verifyCredential").GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_learner_cannot_attempt_another_communitys_credential_or_cite_its_artifacts()
    {
        var ownArtifact = await _a.UploadArtifactAsync(_learnerA.Key);
        await server.GraphQl.ErrorAsync("NOT_FOUND", "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id } }",
            new { input = new { credentialDefinitionId = _credentialDefinitionB, artifactIds = new[] { ownArtifact } } }, _learnerA.Key);
        var program = await server.GraphQl.DataAsync("{ program { credentials { id } } }", key: _learnerA.Key);
        var ownCredential = program.GetProperty("program").GetProperty("credentials")[0].GetProperty("id").GetString();
        var error = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id } }",
            new { input = new { credentialDefinitionId = ownCredential, artifactIds = new[] { _artifactB } } }, _learnerA.Key);
        Assert.Contains("not in your portfolio", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_evaluator_cannot_review_another_communitys_attempt()
    {
        await server.GraphQl.ErrorAsync("NOT_FOUND", "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id } }",
            new { input = CommunityScenario.ReviewInput(_attemptB, "Exemplary") }, _evaluatorA.Key);
    }

    [Fact]
    public async Task Lists_and_the_audit_log_hold_only_the_callers_community()
    {
        var data = await server.GraphQl.DataAsync("{ learners(first: 100) { nodes { id } } credentials(first: 100) { nodes { id } } auditLog(first: 100) { nodes { subject details } } }", key: _a.AdminKey);
        var learners = data.GetProperty("learners").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains(_learnerA.Id, learners);
        Assert.DoesNotContain(_learnerB.Id, learners);
        Assert.Empty(data.GetProperty("credentials").GetProperty("nodes").EnumerateArray());
        Assert.DoesNotContain(data.GetProperty("auditLog").GetProperty("nodes").EnumerateArray(),
            e => e.GetProperty("subject").GetString() is { } s && (s == _learnerB.Id || s == _attemptB || s == _credentialB));
    }

    [Fact]
    public async Task A_key_rewritten_to_name_another_community_is_refused()
    {
        var parts = _a.AdminKey.Split('.');
        var forged = string.Join('.', parts[0], _b.Community, parts[2], parts[3]);
        var (status, body) = await server.GraphQl.SendAsync("{ learners { nodes { id } } }", key: forged);
        Assert.Equal(401, status);
        Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_learner_cannot_read_another_learner_of_the_same_community()
    {
        var other = await _a.EnrolLearnerAsync();
        await server.GraphQl.ErrorAsync("FORBIDDEN", "query($id: ID!) { learner(id: $id) { portfolio { id } } }", new { id = other.Id }, _learnerA.Key);
    }
}
