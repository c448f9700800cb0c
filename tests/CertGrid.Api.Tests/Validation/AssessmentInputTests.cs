using System.Text;

namespace CertGrid.Api.Tests.Validation;

/// <summary>Learners' and evaluators' bad input is refused with a coded error, and nothing half-written remains.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class AssessmentInputTests(SharedServerFixture server)
{
    private const string Submit = "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id } }";
    private const string Review = "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id } }";

    [Fact]
    public async Task An_unpublished_credential_cannot_be_attempted()
    {
        var (scenario, learner, _) = await SetUpAsync(evaluators: 2);
        var framework = await scenario.DefinePublishedFrameworkAsync();
        var draft = await scenario.DefineCredentialAsync(framework, publish: false);
        var artifact = await scenario.UploadArtifactAsync(learner.Key);
        await server.GraphQl.ErrorAsync("POLICY_VIOLATION", Submit, new { input = new { credentialDefinitionId = draft, artifactIds = new[] { artifact } } }, learner.Key);
        await AssertNoAttemptsAsync(learner.Key);
    }

    [Fact]
    public async Task Uncommitted_or_unknown_artifacts_cannot_be_cited()
    {
        var (scenario, learner, credential) = await SetUpAsync(evaluators: 2);
        var ticket = await scenario.RequestUploadAsync(learner.Key, 20);
        var error = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Submit,
            new { input = new { credentialDefinitionId = credential, artifactIds = new[] { ticket.GetProperty("artifactId").GetString() } } }, learner.Key);
        Assert.Contains("no committed version", error.GetProperty("message").GetString());
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Submit,
            new { input = new { credentialDefinitionId = credential, artifactIds = new[] { "art_aaaaaaaaaaaaaaaaaaaa" } } }, learner.Key);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Submit, new { input = new { credentialDefinitionId = credential, artifactIds = Array.Empty<string>() } }, learner.Key);
        await AssertNoAttemptsAsync(learner.Key);
    }

    [Fact]
    public async Task Without_enough_independent_evaluators_the_submission_is_refused_and_nothing_is_kept()
    {
        var (scenario, learner, credential) = await SetUpAsync(evaluators: 1);
        var artifact = await scenario.UploadArtifactAsync(learner.Key);
        var error = await server.GraphQl.ErrorAsync("POLICY_VIOLATION", Submit, new { input = new { credentialDefinitionId = credential, artifactIds = new[] { artifact } } }, learner.Key);
        Assert.Contains("independent evaluator", error.GetProperty("message").GetString());
        await AssertNoAttemptsAsync(learner.Key);
        var evaluators = await server.GraphQl.DataAsync("{ evaluators { activeAttemptIds } }", key: scenario.AdminKey);
        Assert.All(evaluators.GetProperty("evaluators").EnumerateArray(), e => Assert.Empty(e.GetProperty("activeAttemptIds").EnumerateArray()));
    }

    [Fact]
    public async Task Scores_must_fit_the_rubric_and_each_evaluator_reviews_once()
    {
        var (scenario, learner, credential) = await SetUpAsync(evaluators: 3);
        var artifact = await scenario.UploadArtifactAsync(learner.Key);
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credential, artifact);
        var attemptId = attempt.GetProperty("id").GetString()!;
        var panel = attempt.GetProperty("panel").EnumerateArray().Select(p => p.GetProperty("evaluatorId").GetString()).ToList();
        var keys = await EvaluatorKeysAsync(scenario);
        var onPanel = keys[panel[0]!];
        var offPanel = keys.Single(k => !panel.Contains(k.Key)).Value;

        var unknownLevel = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Review, new { input = CommunityScenario.ReviewInput(attemptId, "Legendary") }, onPanel);
        Assert.Contains("Exemplary", unknownLevel.GetProperty("message").GetString());
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Review,
            new { input = new { attemptId, scores = new[] { new { criterionCode = "C1", level = "Exemplary" } } } }, onPanel);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Review, new { input = CommunityScenario.ReviewInput(attemptId, "Exemplary") }, offPanel);

        await scenario.ReviewAsync(onPanel, attemptId, "Exemplary");
        await server.GraphQl.ErrorAsync("CONFLICT", Review, new { input = CommunityScenario.ReviewInput(attemptId, "Developing") }, onPanel);
        var view = await server.GraphQl.DataAsync("query($id: ID!) { attempt(id: $id) { reviews { evaluatorId percent } } }", new { id = attemptId }, scenario.AdminKey);
        Assert.Single(view.GetProperty("attempt").GetProperty("reviews").EnumerateArray());
        Assert.Equal(100, view.GetProperty("attempt").GetProperty("reviews")[0].GetProperty("percent").GetDouble());
    }

    [Fact]
    public async Task A_split_panel_gets_a_third_evaluator_whose_review_decides()
    {
        var (scenario, learner, credential) = await SetUpAsync(evaluators: 3);
        var keys = await EvaluatorKeysAsync(scenario);
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credential, await scenario.UploadArtifactAsync(learner.Key));
        var attemptId = attempt.GetProperty("id").GetString()!;
        var panel = attempt.GetProperty("panel").EnumerateArray().Select(p => p.GetProperty("evaluatorId").GetString()!).ToList();

        await scenario.ReviewAsync(keys[panel[0]], attemptId, "Exemplary");
        var split = await scenario.ReviewAsync(keys[panel[1]], attemptId, "Developing");
        Assert.Equal("UNDER_REVIEW", split.GetProperty("status").GetString());
        Assert.Equal("NEEDS_ANOTHER_REVIEWER", split.GetProperty("verdict").GetProperty("outcome").GetString());
        var third = split.GetProperty("panel").EnumerateArray().Select(p => p.GetProperty("evaluatorId").GetString()!).Except(panel).Single();

        var decided = await scenario.ReviewAsync(keys[third], attemptId, "Proficient");
        Assert.Equal("PASSED", decided.GetProperty("status").GetString());
        Assert.Contains("majority", decided.GetProperty("verdict").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_clear_fail_issues_nothing_and_the_learner_then_sees_the_feedback()
    {
        var (scenario, learner, credential) = await SetUpAsync(evaluators: 2);
        var keys = await EvaluatorKeysAsync(scenario);
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credential, await scenario.UploadArtifactAsync(learner.Key));
        var attemptId = attempt.GetProperty("id").GetString()!;
        var mid = await server.GraphQl.DataAsync("query($id: ID!) { attempt(id: $id) { reviews { percent } } }", new { id = attemptId }, learner.Key);
        Assert.Empty(mid.GetProperty("attempt").GetProperty("reviews").EnumerateArray());

        JsonElement decided = default;
        foreach (var seat in attempt.GetProperty("panel").EnumerateArray())
        {
            decided = await scenario.ReviewAsync(keys[seat.GetProperty("evaluatorId").GetString()!], attemptId, "Not yet");
        }

        Assert.Equal("FAILED", decided.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("credentialId").ValueKind);
        var after = await server.GraphQl.DataAsync("query($id: ID!) { attempt(id: $id) { reviews { scores { criterionCode level note } } } }", new { id = attemptId }, learner.Key);
        Assert.Equal(2, after.GetProperty("attempt").GetProperty("reviews").GetArrayLength());
        var credentials = await server.GraphQl.DataAsync("{ credentials { nodes { id } } }", key: learner.Key);
        Assert.Empty(credentials.GetProperty("credentials").GetProperty("nodes").EnumerateArray());
    }

    [Fact]
    public async Task Uploads_are_checked_for_size_type_and_content_and_refused_ones_leave_nothing()
    {
        var (scenario, learner, _) = await SetUpAsync(evaluators: 0);
        await server.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation { requestArtifactUpload(input: { title: \"t\", fileName: \"a.exe\", contentType: \"application/x-msdownload\", sizeBytes: 10 }) { uploadUrl } }", key: learner.Key);
        await server.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation { requestArtifactUpload(input: { title: \"t\", fileName: \"a.pdf\", contentType: \"application/pdf\", sizeBytes: 5000 }) { uploadUrl } }", key: learner.Key);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation { requestArtifactUpload(input: { title: \"t\", fileName: \"../a.pdf\", contentType: \"application/pdf\", sizeBytes: 50 }) { uploadUrl } }", key: learner.Key);

        // Declared small, uploaded larger than the 4 KiB limit.
        var tooBig = await scenario.RequestUploadAsync(learner.Key, 100);
        Assert.Equal(201, await CommunityScenario.PutAsync(tooBig, Encoding.UTF8.GetBytes(new string('a', 5000)), "text/markdown"));
        await CommitExpectingAsync(learner.Key, tooBig, "POLICY_VIOLATION");

        // Declared as a PDF, but the bytes are not a PDF.
        var fake = await server.GraphQl.DataAsync("mutation { requestArtifactUpload(input: { title: \"t\", fileName: \"a.pdf\", contentType: \"application/pdf\", sizeBytes: 30 }) { artifactId version uploadUrl } }", key: learner.Key);
        Assert.Equal(201, await CommunityScenario.PutAsync(fake.GetProperty("requestArtifactUpload"), Encoding.UTF8.GetBytes("MZ this is not a pdf at all..."), "application/pdf"));
        await CommitExpectingAsync(learner.Key, fake.GetProperty("requestArtifactUpload"), "POLICY_VIOLATION");

        // Never uploaded.
        var never = await scenario.RequestUploadAsync(learner.Key, 10);
        await CommitExpectingAsync(learner.Key, never, "VALIDATION_FAILED");

        var portfolio = await server.GraphQl.DataAsync("{ learner { portfolio { id versions { version } } } }", key: learner.Key);
        Assert.All(portfolio.GetProperty("learner").GetProperty("portfolio").EnumerateArray(), a => Assert.Empty(a.GetProperty("versions").EnumerateArray()));
        Assert.Single(portfolio.GetProperty("learner").GetProperty("portfolio").EnumerateArray());
    }

    [Fact]
    public async Task Every_committed_version_is_kept_with_its_hash_and_time()
    {
        var (scenario, learner, _) = await SetUpAsync(evaluators: 0);
        var artifact = await scenario.UploadArtifactAsync(learner.Key, Encoding.UTF8.GetBytes("# v1\n"));
        await scenario.UploadArtifactAsync(learner.Key, Encoding.UTF8.GetBytes("# v2, revised\n"), artifactId: artifact);
        var portfolio = await server.GraphQl.DataAsync("{ learner { portfolio { id versions { version sha256 committedAt } latest { version } } } }", key: learner.Key);
        var item = portfolio.GetProperty("learner").GetProperty("portfolio")[0];
        var versions = item.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.NotEqual(versions[0].GetProperty("sha256").GetString(), versions[1].GetProperty("sha256").GetString());
        Assert.True(versions[1].GetProperty("committedAt").GetDateTimeOffset() >= versions[0].GetProperty("committedAt").GetDateTimeOffset());
        Assert.Equal(2, item.GetProperty("latest").GetProperty("version").GetInt32());
    }

    private async Task CommitExpectingAsync(string learnerKey, JsonElement ticket, string code) =>
        await server.GraphQl.ErrorAsync(code, "mutation($a: ID!, $v: Int!) { commitArtifact(artifactId: $a, version: $v) { id } }",
            new { a = ticket.GetProperty("artifactId").GetString(), v = ticket.GetProperty("version").GetInt32() }, learnerKey);

    private async Task<(CommunityScenario Scenario, (string Id, string Key) Learner, string Credential)> SetUpAsync(int evaluators)
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var framework = await scenario.DefinePublishedFrameworkAsync();
        var credential = await scenario.DefineCredentialAsync(framework);
        for (var i = 0; i < evaluators; i++)
        {
            await scenario.RegisterEvaluatorAsync();
        }

        return (scenario, await scenario.EnrolLearnerAsync(), credential);
    }

    private async Task<Dictionary<string, string>> EvaluatorKeysAsync(CommunityScenario scenario)
    {
        var evaluators = await server.GraphQl.DataAsync("{ evaluators { id } }", key: scenario.AdminKey);
        var keys = new Dictionary<string, string>();
        foreach (var evaluator in evaluators.GetProperty("evaluators").EnumerateArray())
        {
            var id = evaluator.GetProperty("id").GetString()!;
            keys[id] = await scenario.IssueKeyAsync("EVALUATOR", id);
        }

        return keys;
    }

    private async Task AssertNoAttemptsAsync(string learnerKey)
    {
        var learner = await server.GraphQl.DataAsync("{ learner { attempts { id } } }", key: learnerKey);
        Assert.Empty(learner.GetProperty("learner").GetProperty("attempts").EnumerateArray());
    }
}
