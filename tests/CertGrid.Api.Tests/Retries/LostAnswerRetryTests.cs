using Microsoft.Extensions.DependencyInjection;
using CertGrid.Abstractions.Assessments;
using Orleans;

namespace CertGrid.Api.Tests.Retries;

/// <summary>
/// Issue 14.2's hard case: the silo stores a submission, then its answer is lost and the silo goes away. The client's
/// retry under the same Idempotency-Key, through the gateway to the surviving silo, answers that same attempt: one
/// attempt, one panel, two seats held — not two attempts holding four. A review and a recusal are retried the same way.
/// </summary>
public sealed class LostAnswerRetryTests
{
    [Fact]
    public async Task A_submission_whose_answer_was_lost_with_its_silo_is_applied_once_when_retried()
    {
        var fault = new AnswerLostAfterWrite.Fault();
        await using var cluster = await CertGridCluster.StartAsync(silos: 2, gateways: 1,
            nodeServices: (node, services) => services.AddSingleton<IIncomingGrainCallFilter>(new AnswerLostAfterWrite(node, fault)));
        var gateway = 2;
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(gateway));
        var credentialId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), evaluators: 2);
        var learner = await scenario.EnrolLearnerAsync();
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso"), await scenario.RegisterEvaluatorAsync("Fabrikam") };
        var artifactId = await scenario.UploadArtifactAsync(learner.Key);

        const string submit = "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id status panel { evaluatorId } } }";
        var submission = new { input = new { credentialDefinitionId = credentialId, artifactIds = new[] { artifactId } } };
        var key = IdempotentPost.NewKey();
        var http = cluster.CreateClient(gateway);
        fault.Arm(nameof(IAttemptGrain.SubmitAsync));
        var lost = await IdempotentPost.SendAsync(http, key, learner.Key, submit, submission);
        Assert.Equal("UNAVAILABLE", lost.Code);
        Assert.NotNull(fault.LostOn);

        await cluster.Nodes[fault.LostOn!.Value].StopAsync();
        var retried = await RetryUntilAnsweredAsync(http, key, learner.Key, submit, submission);

        var attemptId = retried.Data("submitAttempt").GetProperty("id").GetString()!;
        Assert.Equal(2, retried.Data("submitAttempt").GetProperty("panel").GetArrayLength());
        var attempts = await scenario.GraphQl.DataAsync("{ learner { attempts { id } } }", key: learner.Key);
        Assert.Equal([attemptId], attempts.GetProperty("learner").GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var pool = await scenario.GraphQl.DataAsync("{ evaluators { id activeAttemptIds } }", key: scenario.AdminKey);
        var seats = pool.GetProperty("evaluators").EnumerateArray().SelectMany(e => e.GetProperty("activeAttemptIds").EnumerateArray()).Select(a => a.GetString()).ToList();
        Assert.Equal([attemptId, attemptId], seats);
        var audit = await scenario.GraphQl.DataAsync("{ auditLog(first: 100) { nodes { action subject } } }", key: scenario.AdminKey);
        Assert.Single(audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray(), e => e.GetProperty("action").GetString() == "attempt.submitted");

        var replayed = await IdempotentPost.SendAsync(http, key, learner.Key, submit, submission);
        Assert.True(replayed.Replayed);
        Assert.Equal(retried.Text, replayed.Text);

        // A review whose answer is lost is found on the retry, not submitted twice.
        var panel = retried.Data("submitAttempt").GetProperty("panel").EnumerateArray().Select(p => p.GetProperty("evaluatorId").GetString()).ToList();
        var (reviewer, other) = (evaluators.First(e => e.Id == panel[0]), evaluators.First(e => e.Id == panel[1]));
        const string review = "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id status } }";
        var reviewInput = new { input = CommunityScenario.ReviewInput(attemptId, "Proficient") };
        var reviewKey = IdempotentPost.NewKey();
        fault.Arm(nameof(IAttemptGrain.SubmitReviewAsync));
        Assert.Equal("UNAVAILABLE", (await IdempotentPost.SendAsync(http, reviewKey, reviewer.Key, review, reviewInput)).Code);
        var reviewed = await RetryUntilAnsweredAsync(http, reviewKey, reviewer.Key, review, reviewInput);
        Assert.Equal(attemptId, reviewed.Data("submitReview").GetProperty("id").GetString());
        Assert.Equal(1, await CountAuditAsync(scenario, "review.submitted"));

        // A recusal, which no id or state check made safe before: the attempt remembers the run's operation and answers
        // the retry with the first answer (the seat reassigned once), instead of a second recusal's CONFLICT.
        const string recuse = "mutation($id: ID!, $reason: String!) { recuse(attemptId: $id, reason: $reason) { id } }";
        var recusal = new { id = attemptId, reason = "I coached this learner last year." };
        var recuseKey = IdempotentPost.NewKey();
        fault.Arm(nameof(IAttemptGrain.RecuseAsync));
        Assert.Equal("UNAVAILABLE", (await IdempotentPost.SendAsync(http, recuseKey, other.Key, recuse, recusal)).Code);
        var recused = await RetryUntilAnsweredAsync(http, recuseKey, other.Key, recuse, recusal);
        Assert.Equal(attemptId, recused.Data("recuse").GetProperty("id").GetString());
        Assert.Equal(1, await CountAuditAsync(scenario, "review.recused"));
    }

    internal static async Task<int> CountAuditAsync(CommunityScenario scenario, string action)
    {
        var audit = await scenario.GraphQl.DataAsync("{ auditLog(first: 100) { nodes { action } } }", key: scenario.AdminKey);
        return audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().Count(e => e.GetProperty("action").GetString() == action);
    }

    /// <summary>Retries as a client would while the cluster recovers: on UNAVAILABLE or a key still held, after Retry-After.</summary>
    internal static async Task<IdempotentAnswer> RetryUntilAnsweredAsync(HttpClient http, string key, string apiKey, string query, object variables)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var answer = await IdempotentPost.SendAsync(http, key, apiKey, query, variables);
            if (answer.Code is not ("UNAVAILABLE" or "IDEMPOTENCY_KEY_IN_USE" or "TIMEOUT") || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }
}
