using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;

namespace CertGrid.Api.Tests.Privacy;

/// <summary>
/// Issue 17.4, the right to erasure, on a 2-silo cluster through GraphQL: after a learner is erased, nothing of their
/// name, email, organisation, reflections, the reviewers' notes about them or their artifact bytes is left in any table,
/// blob or Redis key; the audit chain still verifies (online and as an exported file); the credential JWT they kept still
/// verifies by signature and its published status says it was revoked.
/// </summary>
public sealed class LearnerErasureTests
{
    [Fact]
    public async Task Erasing_a_learner_leaves_none_of_their_personal_data_anywhere_and_keeps_what_integrity_needs()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 2);
        var graphQl = cluster.GraphQl(0);
        var learner = await ErasureScenario.CreateAsync(graphQl, cluster.Nodes[0].Services.GetRequiredService<IGrainFactory>());
        var history = learner.History!;
        var bystander = await learner.Community.EnrolLearnerAsync();
        var sweep = new PersonalDataSweep(learner.PersonalTexts, [learner.ArtifactBytes, history.AppealEvidenceBytes]);

        // The sweep can fail: before the erasure it finds every piece of the learner's data.
        var before = string.Join('\n', await sweep.FindAsync());
        Assert.All(learner.PersonalTexts, text => Assert.Contains(text[..Math.Min(text.Length, 40)], before, StringComparison.Ordinal));
        Assert.Contains("blob ", before, StringComparison.Ordinal);

        var erasure = (await cluster.GraphQl(1).DataAsync("mutation { eraseLearner { learnerId erasedAt attempts credentials artifacts } }", key: learner.LearnerKey))
            .GetProperty("eraseLearner");
        Assert.Equal(learner.LearnerId, erasure.GetProperty("learnerId").GetString());
        Assert.Equal(2, erasure.GetProperty("attempts").GetInt32());
        Assert.Equal(1, erasure.GetProperty("credentials").GetInt32());
        Assert.Equal(2, erasure.GetProperty("artifacts").GetInt32());
        var again = (await graphQl.DataAsync("mutation($id: ID) { eraseLearner(learnerId: $id) { erasedAt } }", new { id = learner.LearnerId }, learner.Community.AdminKey))
            .GetProperty("eraseLearner");
        Assert.Equal(erasure.GetProperty("erasedAt").GetString(), again.GetProperty("erasedAt").GetString());

        var left = await WaitUntilGoneAsync(sweep);
        Assert.True(left.Count == 0, "Personal data left after erasure:\n" + string.Join('\n', left));

        await graphQl.ErrorAsync("NOT_FOUND", "query($id: ID) { learner(id: $id) { name } }", new { id = learner.LearnerId }, learner.Community.AdminKey);

        // The learner's keys are revoked (not merely refused), and their credential's renewal is closed.
        var keys = (await graphQl.DataAsync("{ apiKeys(first: 100) { nodes { subjectId revokedAt } } }", key: learner.Community.AdminKey))
            .GetProperty("apiKeys").GetProperty("nodes").EnumerateArray().Where(k => k.GetProperty("subjectId").GetString() == learner.LearnerId).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.NotEqual(JsonValueKind.Null, k.GetProperty("revokedAt").ValueKind));
        var renewal = (await graphQl.DataAsync("query($id: ID!) { renewal(credentialId: $id) { stage } }", new { id = learner.CredentialId }, learner.Community.AdminKey))
            .GetProperty("renewal");
        Assert.Equal("CLOSED", renewal.GetProperty("stage").GetString());
        var appeal = (await graphQl.DataAsync("query($id: ID!) { appeal(id: $id) { justification outcome } }", new { id = history.AppealId }, learner.Community.AdminKey))
            .GetProperty("appeal");
        Assert.Equal(string.Empty, appeal.GetProperty("justification").GetString());
        Assert.Equal("UPHELD", appeal.GetProperty("outcome").GetString());
        var bystanderName = (await graphQl.DataAsync("query($id: ID) { learner(id: $id) { name } }", new { id = bystander.Id }, learner.Community.AdminKey))
            .GetProperty("learner").GetProperty("name").GetString();
        Assert.False(string.IsNullOrEmpty(bystanderName));

        // The audit chain still verifies, online and offline, and keeps the entries (without details) and the erasure itself.
        var audit = (await graphQl.DataAsync("{ verifyAuditLog { intact entriesChecked } }", key: learner.Community.AdminKey)).GetProperty("verifyAuditLog");
        Assert.True(audit.GetProperty("intact").GetBoolean(), audit.ToString());
        var lines = await ExportAuditAsync(cluster, learner.Community);
        var offline = AuditJsonLines.Verify(lines);
        Assert.True(offline.Intact, offline.Problem);
        var entries = lines.Select(AuditJsonLines.Read).ToList();
        Assert.Contains(entries, e => e.Action == "learner.erased" && e.Subject == learner.LearnerId && !e.PayloadErased);
        Assert.Contains(entries, e => e.Action == "review.submitted" && e.Subject == learner.AttemptId && e.PayloadErased && e.Details.Length == 0);
        Assert.Contains(entries, e => e.Action == "learner.enrolled" && e.Subject == bystander.Id && !e.PayloadErased);

        // The credential the learner kept still verifies by signature; its status says it was revoked.
        var verification = (await cluster.GraphQl(1).DataAsync("query($c: String!) { verifyCredential(credential: $c) { valid checks { name outcome } } }",
            new { c = learner.Jwt })).GetProperty("verifyCredential");
        var checks = verification.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("outcome").GetString());
        Assert.Equal("PASSED", checks[VerificationChecks.Signature]);
        Assert.Equal("FAILED", checks[VerificationChecks.Revocation]);
        Assert.False(verification.GetProperty("valid").GetBoolean());

        // The rollout of the current erasure plan (erasures made under an older one) ran when the silos started; the operator sees it.
        await graphQl.ErrorAsync("FORBIDDEN", ErasurePlanRolloutProbe.Query, key: learner.Community.AdminKey);
        var state = await ErasurePlanRolloutProbe.WhenDoneAsync(graphQl);
        Assert.True(state.GetProperty("plan").GetInt32() >= 2, state.ToString());
        Assert.NotEqual(JsonValueKind.Null, state.GetProperty("completedAt").ValueKind);
    }

    private static async Task<IReadOnlyList<string>> WaitUntilGoneAsync(PersonalDataSweep sweep)
    {
        // The erasure answers at once; its effects finish in the background, normally within seconds (allow more on a loaded machine).
        IReadOnlyList<string> left = [];
        for (var attempt = 0; attempt < 90; attempt++)
        {
            left = await sweep.FindAsync();
            if (left.Count == 0)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return left;
    }

    private static async Task<List<string>> ExportAuditAsync(CertGridCluster cluster, CommunityScenario community)
    {
        using var http = cluster.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/c/{community.Community}/audit.jsonl");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", community.AdminKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
