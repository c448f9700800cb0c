using Bogus;

namespace CertGrid.Api.Tests.Retries;

/// <summary>
/// Issue 14.2: a mutation sent again under its <c>Idempotency-Key</c> answers what the first one answered and changes
/// nothing a second time; the key cannot be reused for another request.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class RetriedMutationTests(SharedServerFixture server)
{
    private static readonly Faker Faker = new();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private const string Enrol = "mutation($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id name email } }";

    [Fact]
    public async Task A_retried_enrolment_answers_the_first_learner_and_enrols_nobody_twice()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var http = server.Cluster.CreateClient();
        var key = IdempotentPost.NewKey();
        var input = new { input = new { name = Faker.Name.FullName(), email = Faker.Internet.Email(), organisation = Faker.Company.CompanyName() } };

        var first = await IdempotentPost.SendAsync(http, key, scenario.AdminKey, Enrol, input);
        var retry = await IdempotentPost.SendAsync(http, key, scenario.AdminKey, Enrol, input);

        Assert.Equal(200, first.Status);
        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Text, retry.Text);
        var learners = await scenario.GraphQl.DataAsync("{ learners(first: 100) { nodes { id email } } }", key: scenario.AdminKey);
        var enrolled = learners.GetProperty("learners").GetProperty("nodes").EnumerateArray().Where(l => string.Equals(l.GetProperty("email").GetString(), input.input.email, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Single(enrolled);
        Assert.Equal(first.Data("enrolLearner").GetProperty("id").GetString(), enrolled[0].GetProperty("id").GetString());
        Assert.Equal(1, await CountAuditAsync(scenario, "learner.enrolled"));
    }

    [Fact]
    public async Task A_retried_submission_review_and_suspension_each_answer_the_first_outcome_once()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var http = server.Cluster.CreateClient();
        var credentialId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), evaluators: 2);
        var learner = await scenario.EnrolLearnerAsync();
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso") };
        var artifactId = await scenario.UploadArtifactAsync(learner.Key);

        const string submit = "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id status panel { evaluatorId } } }";
        var submission = new { input = new { credentialDefinitionId = credentialId, artifactIds = new[] { artifactId } } };
        var submitKey = IdempotentPost.NewKey();
        var submitted = await IdempotentPost.SendAsync(http, submitKey, learner.Key, submit, submission);
        var submittedAgain = await IdempotentPost.SendAsync(http, submitKey, learner.Key, submit, submission);
        Assert.Equal(submitted.Text, submittedAgain.Text);
        Assert.True(submittedAgain.Replayed);
        var attemptId = submitted.Data("submitAttempt").GetProperty("id").GetString()!;
        var attempts = await scenario.GraphQl.DataAsync("{ learner { attempts { id } } }", key: learner.Key);
        Assert.Equal([attemptId], attempts.GetProperty("learner").GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("id").GetString()));

        // The first evaluator reviews; the second one's review decides the attempt, and is sent twice.
        await scenario.ReviewAsync(evaluators[0].Key, attemptId, "Proficient");
        const string review = "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id status credentialId reviews { evaluatorId } } }";
        var reviewInput = new { input = CommunityScenario.ReviewInput(attemptId, "Proficient") };
        var reviewKey = IdempotentPost.NewKey();
        var reviewed = await IdempotentPost.SendAsync(http, reviewKey, evaluators[1].Key, review, reviewInput);
        var reviewedAgain = await IdempotentPost.SendAsync(http, reviewKey, evaluators[1].Key, review, reviewInput);
        Assert.Equal(reviewed.Text, reviewedAgain.Text);
        Assert.True(reviewedAgain.Replayed);
        var credential = reviewed.Data("submitReview").GetProperty("credentialId").GetString()!;

        const string suspend = "mutation($id: ID!, $reason: String!) { suspendCredential(id: $id, reason: $reason) { id status } }";
        var suspension = new { id = credential, reason = Faker.Lorem.Sentence() };
        var suspendKey = IdempotentPost.NewKey();
        await WaitUntilIssuedAsync(scenario, credential);
        var suspended = await IdempotentPost.SendAsync(http, suspendKey, scenario.AdminKey, suspend, suspension);
        var suspendedAgain = await IdempotentPost.SendAsync(http, suspendKey, scenario.AdminKey, suspend, suspension);
        Assert.Equal("SUSPENDED", suspended.Data("suspendCredential").GetProperty("status").GetString());
        Assert.Equal(suspended.Text, suspendedAgain.Text);
        Assert.True(suspendedAgain.Replayed);

        Assert.Equal(1, await CountAuditAsync(scenario, "attempt.submitted"));
        Assert.Equal(2, await CountAuditAsync(scenario, "review.submitted"));
        Assert.Equal(1, await CountAuditAsync(scenario, "credential.suspended"));
    }

    [Fact]
    public async Task A_key_reused_for_another_request_is_refused_and_changes_nothing()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var http = server.Cluster.CreateClient();
        var key = IdempotentPost.NewKey();
        var first = await IdempotentPost.SendAsync(http, key, scenario.AdminKey, Enrol, new { input = new { name = Faker.Name.FullName(), email = Faker.Internet.Email() } });
        Assert.Equal(200, first.Status);

        var other = await IdempotentPost.SendAsync(http, key, scenario.AdminKey, Enrol, new { input = new { name = Faker.Name.FullName(), email = Faker.Internet.Email() } });

        Assert.Equal(422, other.Status);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", other.Code);
        Assert.Equal(1, await CountAuditAsync(scenario, "learner.enrolled"));
    }

    [Fact]
    public async Task The_same_key_from_two_callers_names_two_requests_and_a_reordered_body_is_the_same_request()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var otherAdmin = await scenario.IssueKeyAsync("COMMUNITY_ADMIN", null);
        var http = server.Cluster.CreateClient();
        var key = IdempotentPost.NewKey();
        var (name, email) = (Faker.Name.FullName(), Faker.Internet.Email());
        var body = JsonSerializer.Serialize(new { query = Enrol, variables = new { input = new { name, email } } });
        var reordered = JsonSerializer.Serialize(new { variables = new { input = new { email, name } }, query = Enrol }, Indented);

        var mine = await IdempotentPost.SendBodyAsync(http, key, scenario.AdminKey, body);
        var mineAgain = await IdempotentPost.SendBodyAsync(http, key, scenario.AdminKey, reordered);
        var theirs = await IdempotentPost.SendBodyAsync(http, key, otherAdmin, body);

        Assert.Equal(mine.Text, mineAgain.Text);
        Assert.True(mineAgain.Replayed);
        Assert.False(theirs.Replayed);
        if (theirs.Code is null)
        {
            Assert.NotEqual(mine.Data("enrolLearner").GetProperty("id").GetString(), theirs.Data("enrolLearner").GetProperty("id").GetString());
        }
        else
        {
            Assert.Equal("CONFLICT", theirs.Code); // their own run met the first learner's email
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"has space\"")]
    [InlineData("back\\slash")]
    [InlineData("a-key-of-256-characters-kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk")]
    public async Task A_malformed_key_is_refused_with_a_coded_error_before_anything_runs(string header)
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var answer = await IdempotentPost.SendAsync(server.Cluster.CreateClient(), header, scenario.AdminKey, Enrol,
            new { input = new { name = Faker.Name.FullName(), email = Faker.Internet.Email() } });

        Assert.Equal(400, answer.Status);
        Assert.Equal("IDEMPOTENCY_KEY_INVALID", answer.Code);
        Assert.Equal(0, await CountAuditAsync(scenario, "learner.enrolled"));
    }

    [Fact]
    public async Task Concurrent_duplicates_run_once_the_others_wait_or_replay()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var http = server.Cluster.CreateClient();
        var key = IdempotentPost.NewKey();
        var input = new { input = new { name = Faker.Name.FullName(), email = Faker.Internet.Email() } };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => IdempotentPost.SendAsync(http, key, scenario.AdminKey, Enrol, input)));

        var ran = answers.Where(a => a.Status == 200 && !a.Replayed).ToList();
        Assert.Single(ran);
        foreach (var other in answers.Except(ran))
        {
            if (other.Replayed)
            {
                Assert.Equal(ran[0].Text, other.Text);
            }
            else
            {
                Assert.Equal((409, "IDEMPOTENCY_KEY_IN_USE"), (other.Status, other.Code));
                Assert.True(other.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            }
        }

        Assert.Equal(1, await CountAuditAsync(scenario, "learner.enrolled"));
    }

    private static async Task<int> CountAuditAsync(CommunityScenario scenario, string action)
    {
        var audit = await scenario.GraphQl.DataAsync("{ auditLog(first: 100) { nodes { action } } }", key: scenario.AdminKey);
        return audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().Count(e => e.GetProperty("action").GetString() == action);
    }

    private static async Task WaitUntilIssuedAsync(CommunityScenario scenario, string credentialId)
    {
        for (var i = 0; i < 50; i++)
        {
            var (_, body) = await scenario.GraphQl.SendAsync("query($id: ID!) { credential(id: $id) { status } }", new { id = credentialId }, scenario.AdminKey);
            if (body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.GetProperty("credential").ValueKind == JsonValueKind.Object)
            {
                return;
            }

            await Task.Delay(100);
        }
    }
}
