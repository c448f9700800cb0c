using Bogus;
using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Programs;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace CertGrid.Api.Tests.Retries;

/// <summary>
/// Issue 14.2 across features: mutations that had no id derived from the key and no state check of their own (a
/// continuing-education activity, a framework the resolver names, an API key with its one-time secret) lose their
/// answer after their write; the retry under the same Idempotency-Key — after the silo that lost it stopped, for the
/// first — answers the first outcome, and nothing exists twice.
/// </summary>
public sealed class LostAnswerRunAgainTests
{
    private static readonly Faker Faker = new();

    [Fact]
    public async Task Mutations_of_several_features_whose_answer_was_lost_are_applied_once_when_retried()
    {
        var fault = new AnswerLostAfterWrite.Fault();
        await using var cluster = await CertGridCluster.StartAsync(silos: 2, gateways: 1,
            nodeServices: (node, services) => services.AddSingleton<IIncomingGrainCallFilter>(new AnswerLostAfterWrite(node, fault)));
        var gateway = 2;
        var http = cluster.CreateClient(gateway);
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(gateway));
        var learner = await scenario.EnrolLearnerAsync();

        // A learner's continuing-education activity: each run would record one more. Its silo stops before the retry.
        const string record = "mutation($input: RecordCeActivityInput!) { recordCeActivity(input: $input) { id title credits } }";
        var activity = new { input = new { kind = "COURSE", title = Faker.Company.CatchPhrase(), credits = 3, category = "technical", occurredOn = DateTime.UtcNow.ToString("yyyy-MM-dd") } };
        var recorded = await LoseThenRetryAsync(fault, http, learner.Key, record, activity, arm: f => f.Arm<ICeLedgerGrain>(nameof(ICeLedgerGrain.RecordAsync)),
            lostOn: node => cluster.Nodes[node].StopAsync());
        var activities = await scenario.GraphQl.DataAsync("{ ceActivities { id } }", key: learner.Key);
        Assert.Equal([recorded.Data("recordCeActivity").GetProperty("id").GetString()],
            activities.GetProperty("ceActivities").EnumerateArray().Select(a => a.GetProperty("id").GetString()));

        // A framework whose id the resolver makes: derived from the key, so the retry reaches the framework it made.
        const string define = "mutation($input: DefineFrameworkInput!) { defineFramework(input: $input) { id name } }";
        var name = $"{Faker.Commerce.Department()} practice {Guid.NewGuid():N}"[..40];
        var framework = new { input = new { name, competencies = new[] { new { code = "OBS-1", name = "Observability", outcomes = new[] { "Defines SLIs" } } } } };
        var defined = await LoseThenRetryAsync(fault, http, scenario.AdminKey, define, framework, arm: f => f.Arm<ICompetencyFrameworkGrain>(nameof(ICompetencyFrameworkGrain.DefineAsync)));
        var catalog = await scenario.GraphQl.DataAsync("{ program { frameworks { id name } } }", key: scenario.AdminKey);
        var named = catalog.GetProperty("program").GetProperty("frameworks").EnumerateArray().Where(f => f.GetProperty("name").GetString() == name).ToList();
        Assert.Equal(defined.Data("defineFramework").GetProperty("id").GetString(), Assert.Single(named).GetProperty("id").GetString());

        // An API key: the retry answers the same key with its one-time secret, which works; no second key was issued.
        const string issue = "mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { token apiKey { id label } } }";
        var label = $"Partner {Faker.Company.CompanyName()}";
        var keyInput = new { input = new { label, role = "PARTNER", scopes = new[] { "credentials:read" } } };
        var issued = await LoseThenRetryAsync(fault, http, scenario.AdminKey, issue, keyInput, arm: f => f.Arm<IApiKeyGrain>(nameof(IApiKeyGrain.IssueAsync)));
        var token = issued.Data("issueApiKey").GetProperty("token").GetString()!;
        await scenario.GraphQl.DataAsync("{ credentials(first: 1) { nodes { id } } }", key: token);
        var keys = await scenario.GraphQl.DataAsync("{ apiKeys(first: 100) { nodes { id label } } }", key: scenario.AdminKey);
        var labelled = keys.GetProperty("apiKeys").GetProperty("nodes").EnumerateArray().Where(k => k.GetProperty("label").GetString() == label).ToList();
        Assert.Equal(issued.Data("issueApiKey").GetProperty("apiKey").GetProperty("id").GetString(), Assert.Single(labelled).GetProperty("id").GetString());
        var audit = await scenario.GraphQl.DataAsync("{ auditLog(first: 100) { nodes { action subject } } }", key: scenario.AdminKey);
        Assert.Single(audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "apikey.issued" && e.GetProperty("subject").GetString() == labelled[0].GetProperty("id").GetString());
    }

    /// <summary>Sends the mutation with the fault armed (its answer is lost after the write), then retries until answered.</summary>
    private static async Task<IdempotentAnswer> LoseThenRetryAsync(AnswerLostAfterWrite.Fault fault, HttpClient http, string apiKey, string query, object variables,
        Action<AnswerLostAfterWrite.Fault> arm, Func<int, Task>? lostOn = null)
    {
        var key = IdempotentPost.NewKey();
        arm(fault);
        var lost = await IdempotentPost.SendAsync(http, key, apiKey, query, variables);
        Assert.Equal("UNAVAILABLE", lost.Code);
        if (lostOn is not null)
        {
            await lostOn(fault.LostOn!.Value);
        }

        var retried = await LostAnswerRetryTests.RetryUntilAnsweredAsync(http, key, apiKey, query, variables);
        var replayed = await IdempotentPost.SendAsync(http, key, apiKey, query, variables);
        Assert.True(replayed.Replayed);
        Assert.Equal(retried.Text, replayed.Text);
        return retried;
    }
}
