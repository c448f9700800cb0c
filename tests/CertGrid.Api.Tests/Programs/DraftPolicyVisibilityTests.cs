namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Issue 15.4: a draft credential's policies are for admins only, as the draft itself is; and the public program page
/// reads a published credential's policy without a key instead of failing on a grain key without a community.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class DraftPolicyVisibilityTests(SharedServerFixture server)
{
    private const string AssessmentPolicy = "query($id: ID!) { assessmentPolicy(credentialId: $id) { blindReview retake { maxAttemptsPerPeriod } } }";
    private const string LifespanPolicy = "query($id: ID!) { lifespanPolicy(credentialDefinitionId: $id) { renewalWindowDays } }";
    private const string Definition = "query($id: ID!) { credentialDefinition(id: $id) { id } }";

    [Fact]
    public async Task Learner_evaluator_and_partner_keys_are_told_a_draft_policy_was_not_found_as_for_the_draft_itself()
    {
        var community = await CommunityScenario.CreateAsync(server.GraphQl);
        var framework = await community.DefinePublishedFrameworkAsync();
        var draft = await community.DefineCredentialAsync(framework, publish: false);
        var published = await community.DefineCredentialAsync(framework);
        var (_, learnerKey) = await community.EnrolLearnerAsync();
        var (_, evaluatorKey) = await community.RegisterEvaluatorAsync();
        var partnerKey = await community.IssueKeyAsync("PARTNER", null, ["credentials:read"]);

        foreach (var key in new[] { learnerKey, evaluatorKey, partnerKey })
        {
            await server.GraphQl.ErrorAsync("NOT_FOUND", Definition, new { id = draft }, key);
            var policy = await server.GraphQl.ErrorAsync("NOT_FOUND", AssessmentPolicy, new { id = draft }, key);
            Assert.Contains(draft, policy.GetProperty("message").GetString(), StringComparison.Ordinal);
            await server.GraphQl.ErrorAsync("NOT_FOUND", LifespanPolicy, new { id = draft }, key);
            Assert.False((await server.GraphQl.DataAsync(AssessmentPolicy, new { id = published }, key)).GetProperty("assessmentPolicy").GetProperty("blindReview").GetBoolean());
        }

        Assert.False((await server.GraphQl.DataAsync(AssessmentPolicy, new { id = draft }, community.AdminKey)).GetProperty("assessmentPolicy").GetProperty("blindReview").GetBoolean());
        await server.GraphQl.DataAsync(LifespanPolicy, new { id = draft }, community.AdminKey);
        await server.GraphQl.ErrorAsync("UNAUTHENTICATED", AssessmentPolicy, new { id = published });
    }

    [Fact]
    public async Task The_public_program_reads_a_published_credentials_assessment_policy_without_a_key()
    {
        var community = await CommunityScenario.CreateAsync(server.GraphQl);
        var published = await community.DefineCredentialAsync(await community.DefinePublishedFrameworkAsync());

        var (status, body) = await server.GraphQl.SendAsync(
            "query($c: ID!) { publicProgram(communityId: $c) { credentials { id assessmentPolicy { blindReview } } } }", new { c = community.Community });

        Assert.False(body.TryGetProperty("errors", out var errors), $"HTTP {status}: {errors}");
        var credential = Assert.Single(body.GetProperty("data").GetProperty("publicProgram").GetProperty("credentials").EnumerateArray());
        Assert.Equal(published, credential.GetProperty("id").GetString());
        Assert.False(credential.GetProperty("assessmentPolicy").GetProperty("blindReview").GetBoolean());
    }
}
