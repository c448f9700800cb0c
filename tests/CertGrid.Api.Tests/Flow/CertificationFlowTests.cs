using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Api.Tests.Flow;

/// <summary>
/// The foundation flow, every step a GraphQL operation over HTTP against a cluster of two real servers on
/// Azurite, with the whole cluster restarted twice in the middle.
/// </summary>
public sealed class CertificationFlowTests
{
    [Fact]
    public async Task A_credential_is_defined_earned_issued_and_verified_end_to_end_across_restarts()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 2);
        Assert.Equal(2, await cluster.ActiveSiloCountAsync());

        // 1. The operator opens a community and receives its admin key.
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(0));

        // 2. The admin defines a framework and a credential, and publishes them.
        var frameworkId = await scenario.DefinePublishedFrameworkAsync();
        var credentialId = await scenario.DefineCredentialAsync(frameworkId, validityDays: 365);

        // 3. The admin enrols a learner and registers evaluators (one of them is the learner themself).
        var learner = await scenario.EnrolLearnerAsync();
        var learnerAsEvaluator = await scenario.RegisterEvaluatorAsync(linkedLearnerId: learner.Id);
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso") };

        // 4. The learner uploads an artifact through a SAS URL and commits it; CertGrid hashes it server-side.
        var content = Encoding.UTF8.GetBytes("# My SLO\n\nAvailability 99.9% over 28 days, measured at the load balancer.\n");
        var artifactId = await scenario.UploadArtifactAsync(learner.Key, content);
        var portfolio = await scenario.GraphQl.DataAsync("{ learner { portfolio { id versions { version sha256 sizeBytes contentType } } } }", key: learner.Key);
        var version = portfolio.GetProperty("learner").GetProperty("portfolio")[0].GetProperty("versions")[0];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), version.GetProperty("sha256").GetString());
        Assert.Equal(content.Length, version.GetProperty("sizeBytes").GetInt64());

        await cluster.RestartAsync();
        Assert.Equal(2, await cluster.ActiveSiloCountAsync());
        scenario.GraphQl = cluster.GraphQl(1);

        // 5-6. The learner submits; two distinct evaluators from the pool are assigned, never the learner.
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credentialId, artifactId);
        var attemptId = attempt.GetProperty("id").GetString()!;
        var panel = attempt.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!).ToList();
        Assert.Equal(2, panel.Distinct().Count());
        Assert.DoesNotContain(learnerAsEvaluator.Id, panel);
        Assert.All(panel, id => Assert.Contains(id, evaluators.Select(e => e.Id)));

        var first = evaluators.Single(e => e.Id == panel[0]);
        var second = evaluators.Single(e => e.Id == panel[1]);
        var afterFirst = await scenario.ReviewAsync(first.Key, attemptId, "Exemplary");
        Assert.Equal("UNDER_REVIEW", afterFirst.GetProperty("status").GetString());

        await cluster.RestartAsync();
        scenario.GraphQl = cluster.GraphQl(0);

        // 7. With both reviews in, both pass and the mean meets the threshold: the attempt passes.
        var decided = await scenario.ReviewAsync(second.Key, attemptId, "Proficient");
        Assert.Equal("PASSED", decided.GetProperty("status").GetString());
        var issuedId = decided.GetProperty("credentialId").GetString()!;

        // 8. The credential is an Open Badges 3.0 AchievementCredential signed as a VC-JWT, with validFrom and validUntil.
        var credential = (await scenario.GraphQl.DataAsync(
            "query($id: ID!) { credential(id: $id) { url jwt document validFrom validUntil status holderName } }",
            new { id = issuedId }, learner.Key)).GetProperty("credential");
        var document = JsonDocument.Parse(credential.GetProperty("document").GetString()!).RootElement;
        Assert.Contains("OpenBadgeCredential", document.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(credential.GetProperty("url").GetString(), document.GetProperty("id").GetString());
        var validFrom = credential.GetProperty("validFrom").GetDateTimeOffset();
        Assert.Equal(validFrom.AddDays(365), credential.GetProperty("validUntil").GetDateTimeOffset());
        var header = JsonDocument.Parse(Base64UrlDecode(credential.GetProperty("jwt").GetString()!.Split('.')[0])).RootElement;
        Assert.Equal("ES256", header.GetProperty("alg").GetString());

        // 9. Anyone, without a key, verifies it by JWT and by id, on either server.
        foreach (var (node, presented) in new[] { (0, credential.GetProperty("jwt").GetString()!), (1, credential.GetProperty("url").GetString()!) })
        {
            var verification = (await cluster.GraphQl(node).DataAsync(
                "query($c: String!) { verifyCredential(credential: $c) { valid holderName achievementName validFrom validUntil checks { name outcome } } }",
                new { c = presented })).GetProperty("verifyCredential");
            Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
            Assert.Equal(credential.GetProperty("holderName").GetString(), verification.GetProperty("holderName").GetString());
            Assert.Equal("Reliability Foundations", verification.GetProperty("achievementName").GetString());
            Assert.All(verification.GetProperty("checks").EnumerateArray(), c => Assert.Equal("PASSED", c.GetProperty("outcome").GetString()));
        }

        // 10. Every assignment, review, decision and issuance is in the audit log, and the chain is intact.
        var audit = await scenario.GraphQl.DataAsync(
            "{ auditLog(first: 100) { nodes { action subject actor details } } verifyAuditLog { intact entriesChecked } }", key: scenario.AdminKey);
        var entries = audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() is { } s && (s == attemptId || s == issuedId))
            .Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actor").GetString())).ToList();
        Assert.Equal(2, entries.Count(e => e.Action == "attempt.assigned"));
        Assert.Contains(("review.submitted", $"evaluator:{first.Id}"), entries);
        Assert.Contains(("review.submitted", $"evaluator:{second.Id}"), entries);
        Assert.Contains(entries, e => e.Action == "attempt.decided");
        Assert.Single(entries, e => e.Action == "credential.issued");
        Assert.True(audit.GetProperty("verifyAuditLog").GetProperty("intact").GetBoolean());
    }

    private static byte[] Base64UrlDecode(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);
}
