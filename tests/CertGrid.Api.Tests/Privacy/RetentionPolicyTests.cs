using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Bogus;
using CertGrid.Api.Tests.Identity;
using CertGrid.Domain.Audit;
using Microsoft.Extensions.Time.Testing;

namespace CertGrid.Api.Tests.Privacy;

/// <summary>
/// Issue 17.4, the community retention policy, on a 2-silo cluster whose domain clock the test moves: an admin sets the
/// policy (refused to anyone else, audited); years later the community's deadline bucket wakes the retention sweep on its
/// own, which erases the learner inactive beyond the policy and leaves the one whose CE record kept them active and the
/// one who only ever signed in with the community's OpenID Connect provider (a real oidc-provider; a sign-in is activity).
/// </summary>
public sealed class RetentionPolicyTests(LocalOidcProvider provider) : IClassFixture<LocalOidcProvider>
{
    private const string Settings = "{ retentionPolicy { inactiveYears changedAt lastSweepAt nextSweepAt erasedTotal } }";

    [Fact]
    public async Task The_daily_sweep_erases_the_learner_inactive_beyond_the_policy_and_leaves_the_active_one()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var cluster = await CertGridCluster.StartAsync(silos: 2, clock: clock);
        var graphQl = cluster.GraphQl(0);
        var scenario = await CommunityScenario.CreateAsync(graphQl);
        var dormant = await scenario.EnrolLearnerAsync();
        var active = await scenario.EnrolLearnerAsync();
        var signInEmail = $"{Guid.NewGuid():N}"[..8] + "." + new Faker().Internet.Email().ToLowerInvariant();
        var signingIn = await scenario.EnrolLearnerAsync(signInEmail);
        var login = $"retention-{Guid.NewGuid():N}"[..24];
        provider.AddPerson(login, signInEmail, true, "guild-learners");
        var audience = LocalOidcProvider.AudienceFor(scenario.Community);
        await graphQl.DataAsync(
            "mutation($input: ConfigureIdentityProviderInput!) { configureIdentityProvider(input: $input) { issuer } }",
            new { input = new { issuer = provider.Issuer, audience, clientId = LocalOidcProvider.ClientId, roleClaim = "groups", adminValues = new[] { "guild-admins" }, evaluatorValues = new[] { "guild-evaluators" }, learnerValues = new[] { "guild-learners" } } },
            scenario.AdminKey);

        // Only admins set it, within 1-50 years.
        const string set = "mutation($y: Int) { setRetentionPolicy(inactiveYears: $y) { inactiveYears nextSweepAt } }";
        await graphQl.ErrorAsync("FORBIDDEN", set, new { y = 3 }, active.Key);
        var invalid = await graphQl.ErrorAsync("VALIDATION_FAILED", set, new { y = 0 }, scenario.AdminKey);
        Assert.Equal("inactiveYears", invalid.GetProperty("extensions").GetProperty("field").GetString());
        var policy = (await graphQl.DataAsync(set, new { y = 3 }, scenario.AdminKey)).GetProperty("setRetentionPolicy");
        Assert.Equal(3, policy.GetProperty("inactiveYears").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, policy.GetProperty("nextSweepAt").ValueKind);

        // Two years on, one learner records continuing education (activity); a year and a half later the other has done nothing for 3.5 years.
        clock.Advance(TimeSpan.FromDays(2 * 365));
        await graphQl.DataAsync("mutation($input: RecordCeActivityInput!) { recordCeActivity(input: $input) { id } }",
            new { input = new { kind = "COURSE", title = "Chaos engineering workshop", credits = 2, category = "technical", occurredOn = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
            active.Key);

        // The same day, the third learner does nothing but sign in with the provider and read their own record (no API key, no CE).
        var token = await provider.SignInAsync(login, audience);
        Assert.Equal(signingIn.Id, (await graphQl.DataAsync("{ viewer { subjectId } }", key: token)).GetProperty("viewer").GetProperty("subjectId").GetString());
        clock.Advance(TimeSpan.FromDays(548));

        // Nobody calls the sweep: the community's deadline bucket (one reminder per community) dispatches it.
        var settings = await WaitForErasureAsync(graphQl, scenario.AdminKey);
        Assert.Equal(1, settings.GetProperty("erasedTotal").GetInt64());
        await graphQl.ErrorAsync("NOT_FOUND", "query($id: ID) { learner(id: $id) { name } }", new { id = dormant.Id }, scenario.AdminKey);
        var kept = (await graphQl.DataAsync("query($id: ID) { learner(id: $id) { name } }", new { id = active.Id }, scenario.AdminKey)).GetProperty("learner");
        Assert.False(string.IsNullOrEmpty(kept.GetProperty("name").GetString()));
        var signedIn = (await graphQl.DataAsync("query($id: ID) { learner(id: $id) { email } }", new { id = signingIn.Id }, scenario.AdminKey)).GetProperty("learner");
        Assert.Equal(signInEmail, signedIn.GetProperty("email").GetString());

        // Running it again now finds nobody else; the policy's changes and the erasure are in the audit chain, which verifies.
        var again = (await graphQl.DataAsync("mutation { applyRetentionPolicy { erased more } }", key: scenario.AdminKey)).GetProperty("applyRetentionPolicy");
        Assert.Equal(0, again.GetProperty("erased").GetInt32());
        var entries = (await ExportAuditAsync(cluster, scenario)).Select(AuditJsonLines.Read).ToList();
        Assert.Contains(entries, e => e.Action == "retention.policy-set" && e.Actor.StartsWith("admin:", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == "learner.erased" && e.Subject == dormant.Id && e.Actor == "system:retention");
        Assert.DoesNotContain(entries, e => e.Action == "learner.erased" && (e.Subject == active.Id || e.Subject == signingIn.Id));
        Assert.True((await graphQl.DataAsync("{ verifyAuditLog { intact } }", key: scenario.AdminKey)).GetProperty("verifyAuditLog").GetProperty("intact").GetBoolean());

        // Removing the policy stops the sweeps.
        var removed = (await graphQl.DataAsync(set, new { y = (int?)null }, scenario.AdminKey)).GetProperty("setRetentionPolicy");
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("inactiveYears").ValueKind);
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("nextSweepAt").ValueKind);
    }

    private static async Task<JsonElement> WaitForErasureAsync(GraphQlClient graphQl, string adminKey)
    {
        // The bucket's reminder ticks once a minute (real time); allow a few ticks on a loaded machine.
        var settings = default(JsonElement);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            settings = (await graphQl.DataAsync(Settings, key: adminKey)).GetProperty("retentionPolicy");
            if (settings.GetProperty("erasedTotal").GetInt64() > 0)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        return settings;
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
