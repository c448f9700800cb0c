using System.Text.Json;

namespace CertGrid.Api.Tests.Events;

/// <summary>A certification that raises every kind of event a holder's first credential does: enrol, submit, assign, decide, issue, revoke.</summary>
public static class CertificationEvents
{
    /// <summary>The events it raises, as a multiset of types.</summary>
    public static readonly string[] Types =
        ["learner.enrolled", "attempt.submitted", "evaluator.assigned", "evaluator.assigned", "attempt.decided", "credential.issued", "credential.revoked"];

    public static async Task<Certified> CertifyAndRevokeAsync(CommunityScenario scenario)
    {
        var frameworkId = await scenario.DefinePublishedFrameworkAsync();
        var definitionId = await scenario.DefineCredentialAsync(frameworkId);
        var email = $"{Guid.NewGuid():N}"[..8] + "@feed.example.org";
        var learner = await scenario.EnrolLearnerAsync(email);
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso") };
        var artifactId = await scenario.UploadArtifactAsync(learner.Key);
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, definitionId, artifactId);
        var attemptId = attempt.GetProperty("id").GetString()!;
        JsonElement decided = default;
        foreach (var seat in attempt.GetProperty("panel").EnumerateArray())
        {
            decided = await scenario.ReviewAsync(evaluators.Single(e => e.Id == seat.GetProperty("evaluatorId").GetString()).Key, attemptId, "Exemplary");
        }

        var credentialId = decided.GetProperty("credentialId").GetString()!;
        await scenario.GraphQl.DataAsync("mutation($id: ID!) { revokeCredential(id: $id, reason: \"Plagiarism found\") { status } }", new { id = credentialId }, scenario.AdminKey);
        return new Certified(learner.Id, credentialId, definitionId, attemptId, email);
    }

    public sealed record Certified(string LearnerId, string CredentialId, string DefinitionId, string AttemptId, string Email);
}
