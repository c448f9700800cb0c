using CertGrid.Domain.Notices;

namespace CertGrid.Api.Tests.Renewals;

/// <summary>
/// The renewal lifecycle through GraphQL over HTTP on a real server whose domain clock the test moves: a lifespan
/// policy, continuing-education credits, what is missing, evidence, renewal, notices and signed webhooks.
/// </summary>
public sealed partial class RenewalApiTests(RenewalServerFixture server) : IClassFixture<RenewalServerFixture>
{
    private const string RenewalQuery = """
        query($id: ID!) { renewal(credentialId: $id) { credentialId stage expiresAt windowOpensAt graceEndsAt lapsesAt nextDeadline renewedByCredentialId
          policy { renewalWindowDays evidence lapseAction continuingEducation { creditsPerCycle categoryMinimums { category credits } } }
          evidence { kind status artifactId reason }
          readiness { ready creditsRequired creditsVerified creditsPending categories { category required verified pending } missing { code message category credits } } } }
        """;

    /// <summary>The fixture, for the other part of this class (primary constructor parameters are in scope only in this part).</summary>
    private RenewalServerFixture Server => server;

    [Fact]
    public async Task A_holder_sees_what_is_missing_meets_it_and_renews_while_notices_reach_the_webhook_signed()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var definitionId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), validityDays: 365);
        var policy = await scenario.GraphQl.DataAsync("""
            mutation($id: ID!, $input: LifespanPolicyInput!) { setLifespanPolicy(credentialDefinitionId: $id, input: $input) {
              renewalWindowDays evidence continuingEducation { creditsPerCycle categoryMinimums { category credits } } } }
            """,
            new { id = definitionId, input = new { renewalWindowDays = 60, creditsPerCycle = 4, categoryMinimums = new[] { new { category = "Ethics", credits = 1 } },
                evidence = "PORTFOLIO_ARTIFACT", graceDays = 30, lapseAfterDays = 30, lapseAction = "REVOKE" } }, scenario.AdminKey);
        Assert.Equal("ethics", policy.GetProperty("setLifespanPolicy").GetProperty("continuingEducation").GetProperty("categoryMinimums")[0].GetProperty("category").GetString());
        var hook = (await scenario.GraphQl.DataAsync(
            "mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id url } secret } }",
            new { input = new { url = server.Receiver.Url, description = "LMS" } }, scenario.AdminKey)).GetProperty("registerWebhookEndpoint");
        var secret = hook.GetProperty("secret").GetString()!;

        var (learnerId, learnerKey, credentialId) = await EarnAsync(scenario, definitionId);

        // Before the window: the holder sees every missing item; nobody else can look.
        var before = await RenewalAsync(scenario, credentialId, learnerKey);
        Assert.Equal("ACTIVE", before.GetProperty("stage").GetString());
        Assert.Equal(["WINDOW_NOT_OPEN", "CE_CREDITS", "CE_CATEGORY_CREDITS", "EVIDENCE_MISSING"], Codes(before));
        var stranger = await scenario.EnrolLearnerAsync();
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", RenewalQuery, new { id = credentialId }, stranger.Key);
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", "mutation($id: ID!) { setLifespanPolicy(credentialDefinitionId: $id, input: { renewalWindowDays: 5 }) { graceDays } }",
            new { id = definitionId }, learnerKey);

        // The window opens: a notice for the learner, delivered signed to the webhook.
        server.Clock.SetUtcNow(DateTimeOffset.Parse(before.GetProperty("windowOpensAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(1));
        var sweep = await scenario.GraphQl.DataAsync("mutation { processRenewals { daysCompleted credentialsAdvanced } }", key: scenario.AdminKey);
        Assert.Equal(1, sweep.GetProperty("processRenewals").GetProperty("credentialsAdvanced").GetInt32());
        var notices = (await scenario.GraphQl.DataAsync("{ notices(first: 10) { nodes { id kind eventType credentialId message } } }", key: learnerKey))
            .GetProperty("notices").GetProperty("nodes");
        var notice = Assert.Single(notices.EnumerateArray());
        Assert.Equal(("RENEWAL_WINDOW_OPENED", "renewal.window_opened", credentialId), (notice.GetProperty("kind").GetString(), notice.GetProperty("eventType").GetString(), notice.GetProperty("credentialId").GetString()));
        await server.Receiver.WaitUntilAsync(r => r.Accepted.Any());
        var delivery = server.Receiver.Accepted.Single();
        Assert.Equal(notice.GetProperty("id").GetString(), delivery.IdempotencyKey);
        Assert.True(WebhookSignature.Verify(secret, delivery.Signature, delivery.Body, server.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));

        // Credits: self-reported, then verified by an admin; evidence: offered, then accepted.
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var activityIds = new List<string>();
        foreach (var (title, credits, category) in new[] { ("Incident review course", 3m, "technical"), ("Ethics of on-call", 1m, "ethics") })
        {
            var activity = await scenario.GraphQl.DataAsync("mutation($input: RecordCeActivityInput!) { recordCeActivity(input: $input) { id verification category } }",
                new { input = new { kind = "COURSE", title, credits, category, occurredOn = today } }, learnerKey);
            Assert.Equal("SELF_REPORTED", activity.GetProperty("recordCeActivity").GetProperty("verification").GetString());
            activityIds.Add(activity.GetProperty("recordCeActivity").GetProperty("id").GetString()!);
        }

        Assert.Equal(4m, (await RenewalAsync(scenario, credentialId, learnerKey)).GetProperty("readiness").GetProperty("creditsPending").GetDecimal());
        foreach (var activityId in activityIds)
        {
            await scenario.GraphQl.DataAsync("mutation($l: ID!, $a: ID!) { verifyCeActivity(learnerId: $l, activityId: $a) { verification } }",
                new { l = learnerId, a = activityId }, scenario.AdminKey);
        }

        var artifact = await scenario.UploadArtifactAsync(learnerKey);
        var offered = (await scenario.GraphQl.DataAsync("mutation($id: ID!, $a: ID!) { submitRenewalEvidence(credentialId: $id, input: { artifactId: $a }) { evidence { status } } }",
            new { id = credentialId, a = artifact }, learnerKey)).GetProperty("submitRenewalEvidence");
        Assert.Equal("IN_REVIEW", offered.GetProperty("evidence").GetProperty("status").GetString());
        Assert.Equal(["EVIDENCE_IN_REVIEW"], Codes(await RenewalAsync(scenario, credentialId, learnerKey)));
        var early = await scenario.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($id: ID!) { renewCredential(credentialId: $id) { stage } }", new { id = credentialId }, learnerKey);
        Assert.Contains("waiting for an admin", early.GetProperty("message").GetString());
        await scenario.GraphQl.DataAsync("mutation($id: ID!) { reviewRenewalEvidence(credentialId: $id, accept: true) { stage } }", new { id = credentialId }, scenario.AdminKey);
        Assert.True((await RenewalAsync(scenario, credentialId, learnerKey)).GetProperty("readiness").GetProperty("ready").GetBoolean());

        // Renewal: a new credential that links to the old one.
        var renewed = (await scenario.GraphQl.DataAsync("mutation($id: ID!) { renewCredential(credentialId: $id) { stage renewedByCredentialId } }",
            new { id = credentialId }, learnerKey)).GetProperty("renewCredential");
        Assert.Equal("RENEWED", renewed.GetProperty("stage").GetString());
        var successor = (await scenario.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { replacesCredentialId status validFrom validUntil } }",
            new { id = renewed.GetProperty("renewedByCredentialId").GetString() }, learnerKey)).GetProperty("credential");
        Assert.Equal(credentialId, successor.GetProperty("replacesCredentialId").GetString());
        Assert.Equal("ACTIVE", successor.GetProperty("status").GetString());
        await server.Receiver.WaitUntilAsync(r => r.Accepted.Any(d => d.EventType == "renewal.renewed"));
        var admin = await scenario.GraphQl.DataAsync("{ webhookEndpoints { id } webhookDeadLetters { nodes { noticeId } } ceActivities(learnerId: \"" + learnerId + "\") { verification } }", key: scenario.AdminKey);
        Assert.Single(admin.GetProperty("webhookEndpoints").EnumerateArray());
        Assert.Empty(admin.GetProperty("webhookDeadLetters").GetProperty("nodes").EnumerateArray());
        Assert.All(admin.GetProperty("ceActivities").EnumerateArray(), a => Assert.Equal("VERIFIED", a.GetProperty("verification").GetString()));
    }

    [Fact]
    public async Task Notice_kinds_and_stages_have_stable_names_in_the_schema()
    {
        var schema = await server.Cluster.GraphQl().DataAsync(
            "{ notice: __type(name: \"NoticeKind\") { enumValues { name } } stage: __type(name: \"RenewalStage\") { enumValues { name } } }");
        Assert.Equal(["RENEWAL_WINDOW_OPENED", "EXPIRES_IN_30_DAYS", "EXPIRES_IN_7_DAYS", "EXPIRED", "GRACE_ENDED", "LAPSED", "RENEWED"],
            schema.GetProperty("notice").GetProperty("enumValues").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        Assert.Equal(["ACTIVE", "RENEWAL_OPEN", "EXPIRED", "RENEWED", "LAPSED", "CLOSED"],
            schema.GetProperty("stage").GetProperty("enumValues").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Bad_policies_activities_and_endpoints_are_refused_with_codes_and_fields()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var definitionId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), validityDays: 365);
        var forever = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), validityDays: null);
        const string Set = "mutation($id: ID!, $input: LifespanPolicyInput!) { setLifespanPolicy(credentialDefinitionId: $id, input: $input) { graceDays } }";

        var window = await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", Set, new { id = definitionId, input = new { renewalWindowDays = 400 } }, scenario.AdminKey);
        Assert.Equal("input.renewalWindowDays", window.GetProperty("extensions").GetProperty("field").GetString());
        await scenario.GraphQl.ErrorAsync("POLICY_VIOLATION", Set, new { id = forever, input = new { renewalWindowDays = 30 } }, scenario.AdminKey);
        var learner = await scenario.EnrolLearnerAsync();
        var future = await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($input: RecordCeActivityInput!) { recordCeActivity(input: $input) { id } }",
            new { input = new { kind = "EVENT", title = "Conference", credits = 2, category = "ethics", occurredOn = "2099-01-01" } }, learner.Key);
        Assert.Equal("input.occurredOn", future.GetProperty("extensions").GetProperty("field").GetString());
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", "mutation { processRenewals { daysCompleted } }", key: learner.Key);
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", "{ webhookEndpoints { id } }", key: learner.Key);
        var url = await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation { registerWebhookEndpoint(input: { url: \"ftp://x.example\" }) { secret } }", key: scenario.AdminKey);
        Assert.Equal("input.url", url.GetProperty("extensions").GetProperty("field").GetString());
        await scenario.GraphQl.ErrorAsync("NOT_FOUND", RenewalQuery, new { id = "vc_" + new string('a', 20) }, scenario.AdminKey);
        var rules = await scenario.GraphQl.DataAsync(
            "mutation { setContinuingEducationRules(input: { creditsPerReview: 0.5, reviewCategory: \"Evaluation\", creditsPerMentorship: 0, mentoringCategory: \"mentoring\" }) { creditsPerReview reviewCategory } }",
            key: scenario.AdminKey);
        Assert.Equal(0.5m, rules.GetProperty("setContinuingEducationRules").GetProperty("creditsPerReview").GetDecimal());
    }

    private static async Task<(string LearnerId, string LearnerKey, string CredentialId)> EarnAsync(CommunityScenario scenario, string definitionId)
    {
        var learner = await scenario.EnrolLearnerAsync();
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso") };
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, definitionId, await scenario.UploadArtifactAsync(learner.Key));
        var attemptId = attempt.GetProperty("id").GetString()!;
        JsonElement decided = default;
        foreach (var evaluator in evaluators)
        {
            decided = await scenario.ReviewAsync(evaluator.Key, attemptId, "Proficient");
        }

        return (learner.Id, learner.Key, decided.GetProperty("credentialId").GetString()!);
    }

    private static async Task<JsonElement> RenewalAsync(CommunityScenario scenario, string credentialId, string key) =>
        (await scenario.GraphQl.DataAsync(RenewalQuery, new { id = credentialId }, key)).GetProperty("renewal");

    private static List<string> Codes(JsonElement renewal) =>
        renewal.GetProperty("readiness").GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()!).ToList();
}
