using System.Globalization;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Renewals;

/// <summary>The admin's side of renewals over GraphQL: rejecting evidence and credits, and managing webhook endpoints and dead letters.</summary>
public sealed partial class RenewalApiTests
{
    private const string SubmitArtifact =
        "mutation($id: ID!, $a: ID!) { submitRenewalEvidence(credentialId: $id, input: { artifactId: $a }) { evidence { status artifactId } } }";

    private const string ReviewEvidence =
        "mutation($id: ID!, $accept: Boolean!, $reason: String) { reviewRenewalEvidence(credentialId: $id, accept: $accept, reason: $reason) { evidence { status artifactId reason } } }";

    [Fact]
    public async Task Rejected_evidence_and_credits_leave_the_renewal_not_ready_until_new_evidence_is_accepted()
    {
        var scenario = await CommunityScenario.CreateAsync(Server.Cluster.GraphQl());
        var definitionId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), validityDays: 365);
        await scenario.GraphQl.DataAsync("mutation($id: ID!, $input: LifespanPolicyInput!) { setLifespanPolicy(credentialDefinitionId: $id, input: $input) { evidence } }",
            new { id = definitionId, input = new { renewalWindowDays = 60, creditsPerCycle = 1, evidence = "PORTFOLIO_ARTIFACT", graceDays = 30 } }, scenario.AdminKey);
        var (learnerId, learnerKey, credentialId) = await EarnAsync(scenario, definitionId);
        await OpenWindowAsync(scenario, credentialId, learnerKey);

        // A credit rejected by an admin does not count; the learner sees why.
        var today = DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var activity = (await scenario.GraphQl.DataAsync("mutation($input: RecordCeActivityInput!) { recordCeActivity(input: $input) { id } }",
            new { input = new { kind = "EVENT", title = "Vendor webinar", credits = 1, category = "technical", occurredOn = today } }, learnerKey))
            .GetProperty("recordCeActivity").GetProperty("id").GetString();
        const string Reject = "mutation($l: ID!, $a: ID!, $r: String!) { rejectCeActivity(learnerId: $l, activityId: $a, reason: $r) { verification rejectionReason } }";
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", Reject, new { l = learnerId, a = activity, r = "Mine is fine" }, learnerKey);
        var rejected = (await scenario.GraphQl.DataAsync(Reject, new { l = learnerId, a = activity, r = "A sales pitch is not continuing education" }, scenario.AdminKey))
            .GetProperty("rejectCeActivity");
        Assert.Equal(("REJECTED", "A sales pitch is not continuing education"), (rejected.GetProperty("verification").GetString(), rejected.GetProperty("rejectionReason").GetString()));
        var afterRejection = (await RenewalAsync(scenario, credentialId, learnerKey)).GetProperty("readiness");
        Assert.Equal((0m, 0m), (afterRejection.GetProperty("creditsVerified").GetDecimal(), afterRejection.GetProperty("creditsPending").GetDecimal()));
        Assert.Equal(["CE_CREDITS", "EVIDENCE_MISSING"], Codes(await RenewalAsync(scenario, credentialId, learnerKey)));
        var ledger = await scenario.GraphQl.DataAsync("query($l: ID!) { ceActivities(learnerId: $l) { verification rejectionReason } }", new { l = learnerId }, learnerKey);
        Assert.Equal("REJECTED", Assert.Single(ledger.GetProperty("ceActivities").EnumerateArray()).GetProperty("verification").GetString());
        await scenario.GraphQl.DataAsync("mutation($input: RecordCeActivityInput!) { recordCeActivity(input: $input) { id } }",
            new { input = new { learnerId, kind = "COURSE", title = "Capacity planning course", credits = 1, category = "technical", occurredOn = today } }, scenario.AdminKey);

        // The first artifact is rejected: only an admin may review, a rejection needs a reason, and renewal is refused.
        var firstArtifact = await scenario.UploadArtifactAsync(learnerKey);
        await scenario.GraphQl.DataAsync(SubmitArtifact, new { id = credentialId, a = firstArtifact }, learnerKey);
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", ReviewEvidence, new { id = credentialId, accept = true, reason = (string?)null }, learnerKey);
        var noReason = await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", ReviewEvidence, new { id = credentialId, accept = false, reason = (string?)null }, scenario.AdminKey);
        Assert.Equal("reason", noReason.GetProperty("extensions").GetProperty("field").GetString());
        var review = (await scenario.GraphQl.DataAsync(ReviewEvidence, new { id = credentialId, accept = false, reason = "The log predates this cycle" }, scenario.AdminKey))
            .GetProperty("reviewRenewalEvidence").GetProperty("evidence");
        Assert.Equal(("REJECTED", firstArtifact, "The log predates this cycle"),
            (review.GetProperty("status").GetString(), review.GetProperty("artifactId").GetString(), review.GetProperty("reason").GetString()));
        var readiness = (await RenewalAsync(scenario, credentialId, learnerKey)).GetProperty("readiness");
        Assert.False(readiness.GetProperty("ready").GetBoolean());
        var missing = Assert.Single(readiness.GetProperty("missing").EnumerateArray());
        Assert.Equal("EVIDENCE_REJECTED", missing.GetProperty("code").GetString());
        Assert.Contains("The log predates this cycle", missing.GetProperty("message").GetString());
        var refused = await scenario.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($id: ID!) { renewCredential(credentialId: $id) { stage } }", new { id = credentialId }, learnerKey);
        Assert.Contains("rejected", refused.GetProperty("message").GetString());

        // A new artifact replaces it, is accepted, and goes into the renewed credential as evidence; the rejected one does not.
        var secondArtifact = await scenario.UploadArtifactAsync(learnerKey);
        var resubmitted = (await scenario.GraphQl.DataAsync(SubmitArtifact, new { id = credentialId, a = secondArtifact }, learnerKey)).GetProperty("submitRenewalEvidence").GetProperty("evidence");
        Assert.Equal(("IN_REVIEW", secondArtifact), (resubmitted.GetProperty("status").GetString(), resubmitted.GetProperty("artifactId").GetString()));
        Assert.Equal(["EVIDENCE_IN_REVIEW"], Codes(await RenewalAsync(scenario, credentialId, learnerKey)));
        await scenario.GraphQl.DataAsync(ReviewEvidence, new { id = credentialId, accept = true, reason = (string?)null }, scenario.AdminKey);
        Assert.True((await RenewalAsync(scenario, credentialId, learnerKey)).GetProperty("readiness").GetProperty("ready").GetBoolean());
        var renewed = (await scenario.GraphQl.DataAsync("mutation($id: ID!) { renewCredential(credentialId: $id) { stage renewedByCredentialId } }",
            new { id = credentialId }, learnerKey)).GetProperty("renewCredential");
        Assert.Equal("RENEWED", renewed.GetProperty("stage").GetString());
        var document = (await scenario.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { document } }",
            new { id = renewed.GetProperty("renewedByCredentialId").GetString() }, learnerKey)).GetProperty("credential").GetProperty("document").GetString();
        Assert.Contains(secondArtifact, document);
        Assert.DoesNotContain(firstArtifact, document);
    }

    [Fact]
    public async Task Removed_endpoints_get_nothing_and_failed_deliveries_are_dead_lettered_then_redelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var removedReceiver = await WebhookReceiver.StartAsync();
        receiver.FailNext = -1;
        var scenario = await CommunityScenario.CreateAsync(Server.Cluster.GraphQl());
        var definitionId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), validityDays: 365);
        await scenario.GraphQl.DataAsync("mutation($id: ID!) { setLifespanPolicy(credentialDefinitionId: $id, input: { renewalWindowDays: 60 }) { evidence } }",
            new { id = definitionId }, scenario.AdminKey);
        const string Register = "mutation($url: String!) { registerWebhookEndpoint(input: { url: $url }) { endpoint { id } } }";
        var endpointId = (await scenario.GraphQl.DataAsync(Register, new { url = receiver.Url }, scenario.AdminKey)).GetProperty("registerWebhookEndpoint").GetProperty("endpoint").GetProperty("id").GetString();
        var removedId = (await scenario.GraphQl.DataAsync(Register, new { url = removedReceiver.Url }, scenario.AdminKey)).GetProperty("registerWebhookEndpoint").GetProperty("endpoint").GetProperty("id").GetString();

        // Removing: admins only, once; the endpoint is no longer listed.
        const string Remove = "mutation($id: ID!) { removeWebhookEndpoint(id: $id) }";
        var (_, learnerKey, credentialId) = await EarnAsync(scenario, definitionId);
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", Remove, new { id = removedId }, learnerKey);
        Assert.True((await scenario.GraphQl.DataAsync(Remove, new { id = removedId }, scenario.AdminKey)).GetProperty("removeWebhookEndpoint").GetBoolean());
        await scenario.GraphQl.ErrorAsync("NOT_FOUND", Remove, new { id = removedId }, scenario.AdminKey);
        var listed = (await scenario.GraphQl.DataAsync("{ webhookEndpoints { id } }", key: scenario.AdminKey)).GetProperty("webhookEndpoints");
        Assert.Equal([endpointId], listed.EnumerateArray().Select(e => e.GetProperty("id").GetString()));

        // The window-opened notice fails twice (Webhooks:MaxAttempts is 2), 30 s apart, and is dead-lettered.
        await OpenWindowAsync(scenario, credentialId, learnerKey);
        await receiver.WaitUntilAsync(r => r.Received.Count == 1);
        Server.Clock.Advance(TimeSpan.FromSeconds(31));
        await scenario.GraphQl.DataAsync("mutation { processRenewals { daysCompleted } }", key: scenario.AdminKey);
        await receiver.WaitUntilAsync(r => r.Received.Count == 2);
        const string DeadLetters = "{ webhookDeadLetters(first: 10) { nodes { noticeId endpointId eventType attempts lastError deadLetteredAt } } }";
        var dead = await WaitForDeadLetterAsync(scenario, DeadLetters);
        var notice = Assert.Single((await scenario.GraphQl.DataAsync("{ notices(first: 10) { nodes { id } } }", key: learnerKey)).GetProperty("notices").GetProperty("nodes").EnumerateArray());
        Assert.Equal((notice.GetProperty("id").GetString(), endpointId, "renewal.window_opened", 2),
            (dead.GetProperty("noticeId").GetString(), dead.GetProperty("endpointId").GetString(), dead.GetProperty("eventType").GetString(), dead.GetProperty("attempts").GetInt32()));
        Assert.StartsWith("HTTP 500", dead.GetProperty("lastError").GetString());
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", DeadLetters, key: learnerKey);

        // Redelivered once the receiver recovers: accepted, and the dead letter is gone.
        receiver.FailNext = 0;
        const string Redeliver = "mutation($n: ID!, $e: ID!) { redeliverWebhook(noticeId: $n, endpointId: $e) }";
        var again = new { n = dead.GetProperty("noticeId").GetString(), e = endpointId };
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", Redeliver, again, learnerKey);
        Assert.True((await scenario.GraphQl.DataAsync(Redeliver, again, scenario.AdminKey)).GetProperty("redeliverWebhook").GetBoolean());
        await receiver.WaitUntilAsync(r => r.Accepted.Count() == 1);
        Assert.Equal(notice.GetProperty("id").GetString(), receiver.Accepted.Single().IdempotencyKey);
        Assert.Empty((await scenario.GraphQl.DataAsync(DeadLetters, key: scenario.AdminKey)).GetProperty("webhookDeadLetters").GetProperty("nodes").EnumerateArray());
        await scenario.GraphQl.ErrorAsync("NOT_FOUND", Redeliver, again, scenario.AdminKey);
        Assert.Empty(removedReceiver.Received);
    }

    /// <summary>Moves the server's clock a day past the credential's window opening and processes the community's deadlines.</summary>
    private async Task OpenWindowAsync(CommunityScenario scenario, string credentialId, string learnerKey)
    {
        var opens = (await RenewalAsync(scenario, credentialId, learnerKey)).GetProperty("windowOpensAt").GetString()!;
        Server.Clock.SetUtcNow(DateTimeOffset.Parse(opens, CultureInfo.InvariantCulture).AddDays(1));
        await scenario.GraphQl.DataAsync("mutation { processRenewals { daysCompleted } }", key: scenario.AdminKey);
        Assert.Equal("RENEWAL_OPEN", (await RenewalAsync(scenario, credentialId, learnerKey)).GetProperty("stage").GetString());
    }

    private static async Task<JsonElement> WaitForDeadLetterAsync(CommunityScenario scenario, string query)
    {
        for (var i = 0; ; i++)
        {
            var nodes = (await scenario.GraphQl.DataAsync(query, key: scenario.AdminKey)).GetProperty("webhookDeadLetters").GetProperty("nodes");
            if (nodes.GetArrayLength() > 0 || i > 100)
            {
                return Assert.Single(nodes.EnumerateArray());
            }

            await Task.Delay(100);
        }
    }
}
