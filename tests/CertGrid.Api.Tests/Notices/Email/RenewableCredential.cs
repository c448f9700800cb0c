using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace CertGrid.Api.Tests.Notices.Email;

/// <summary>
/// A learner (with the given address) holding a credential that expires in a year and opens for renewal 60 days before. The
/// learner chooses <c>emailTopics</c> before their attempt is decided, when given (else every topic is emailed: the decision
/// and the credential too).
/// </summary>
public sealed record RenewableCredential(CommunityScenario Scenario, string LearnerId, string LearnerKey, string CredentialId, DateTimeOffset ExpiresAt)
{
    public static async Task<RenewableCredential> EarnAsync(CertGridCluster cluster, string email, string[]? emailTopics = null)
    {
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl());
        var definitionId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), validityDays: 365);
        await scenario.GraphQl.DataAsync("mutation($id: ID!, $input: LifespanPolicyInput!) { setLifespanPolicy(credentialDefinitionId: $id, input: $input) { graceDays } }",
            new { id = definitionId, input = new { renewalWindowDays = 60, graceDays = 30 } }, scenario.AdminKey);
        var learner = await scenario.EnrolLearnerAsync(email);
        if (emailTopics is not null)
        {
            await scenario.GraphQl.DataAsync("mutation($input: EmailPreferencesInput!) { setEmailPreferences(input: $input) { topics } }",
                new { input = new { topics = emailTopics } }, learner.Key);
        }

        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso") };
        var attemptId = (await scenario.SubmitAttemptAsync(learner.Key, definitionId, await scenario.UploadArtifactAsync(learner.Key))).GetProperty("id").GetString()!;
        JsonElement decided = default;
        foreach (var evaluator in evaluators)
        {
            decided = await scenario.ReviewAsync(evaluator.Key, attemptId, "Proficient");
        }

        var credentialId = decided.GetProperty("credentialId").GetString()!;
        var renewal = (await scenario.GraphQl.DataAsync("query($id: ID!) { renewal(credentialId: $id) { expiresAt } }", new { id = credentialId }, learner.Key)).GetProperty("renewal");
        return new RenewableCredential(scenario, learner.Id, learner.Key, credentialId,
            DateTimeOffset.Parse(renewal.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>Moves the server's clock to <paramref name="daysBeforeExpiry"/> days before expiry and sweeps renewals: the milestone's notice is raised.</summary>
    public async Task ReachAsync(FakeTimeProvider clock, int daysBeforeExpiry)
    {
        clock.SetUtcNow(ExpiresAt.AddDays(-daysBeforeExpiry).AddHours(1));
        await Scenario.GraphQl.DataAsync("mutation { processRenewals { credentialsAdvanced } }", key: Scenario.AdminKey);
    }

    public async Task<IReadOnlyList<string>> NoticeIdsAsync() =>
        (await Scenario.GraphQl.DataAsync("{ notices(first: 20) { nodes { id } } }", key: LearnerKey)).GetProperty("notices").GetProperty("nodes")
            .EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();
}
