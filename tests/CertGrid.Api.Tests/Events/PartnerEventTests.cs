using System.Text.Json;
using CertGrid.Api.Tests.Partners;

namespace CertGrid.Api.Tests.Events;

/// <summary>
/// A partner organisation follows a community's events within its grant (credentials:read) and learners' consents: it
/// sees the credential events about a credential its holder shares with it, never those of a holder who does not
/// (though they are in the community's feed), and nothing more about a credential once its holder withdraws consent,
/// on the feed and live.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class PartnerEventTests(ProgramServerFixture server)
{
    private const string PartnerFeed =
        "query($c: ID!, $after: String, $types: [String!]) { partnerEvents(community: $c, after: $after, first: 50, types: $types) { events { id type cursor credentialId credentialDefinitionId } endCursor hasMore } }";

    private const string PartnerSubscription =
        "subscription($c: ID!, $after: String) { partnerEvents(community: $c, after: $after) { id type cursor credentialId } }";

    [Fact]
    public async Task A_partner_sees_only_events_about_credentials_shared_with_it_and_nothing_more_after_consent_is_withdrawn()
    {
        var graphQl = server.GraphQl;
        var (program, definition) = await PartnerScenario.ProgramAsync(graphQl);
        var (partnerId, partnerKey) = await PartnerScenario.RegisterAsync(graphQl);
        await PartnerScenario.GrantAsync(program, partnerId, server.Now.AddDays(90), "credentials:read");
        var sharing = await PartnerScenario.HolderAsync(program, definition);
        var keeping = await PartnerScenario.HolderAsync(program, definition);
        var consentId = await SharedCredentialSteps.ShareAsync(graphQl, sharing.Key, sharing.CredentialId, partnerId);

        // Both credentials' issue is in the community's feed; the partner sees the shared one's only.
        var adminFeed = await WaitForAsync(async () => (await program.AdminAsync("{ events(first: 100, types: [\"credential.issued\"]) { events { credentialId } } }"))
            .GetProperty("events").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("credentialId").GetString()).ToList(), ids => ids.Count == 2);
        Assert.Contains(keeping.CredentialId, adminFeed);
        var seen = (await FeedAsync(program.Id, partnerKey)).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([(sharing.CredentialId, "credential.issued")], seen.Select(e => (e.GetProperty("credentialId").GetString(), e.GetProperty("type").GetString())));
        Assert.Equal(definition, seen[0].GetProperty("credentialDefinitionId").GetString());

        // Live: the other holder's suspension does not reach the partner; the shared credential's does.
        var endCursor = (await FeedAsync(program.Id, partnerKey)).GetProperty("endCursor").GetString();
        await using (var stream = await EventStreamClient.OpenAsync(server.Cluster.CreateClient(), PartnerSubscription, new { c = program.Id, after = endCursor }, partnerKey))
        {
            await SharedCredentialSteps.SetStatusAsync(program, "suspendCredential", keeping.CredentialId);
            await SharedCredentialSteps.SetStatusAsync(program, "suspendCredential", sharing.CredentialId);
            var arrived = (await stream.NextResultAsync()).GetProperty("data").GetProperty("partnerEvents");
            Assert.Equal((sharing.CredentialId, "credential.suspended"), (arrived.GetProperty("credentialId").GetString(), arrived.GetProperty("type").GetString()));

            // From the withdrawal on, nothing about the credential reaches the partner, live or on the feed.
            await SharedCredentialSteps.WithdrawAsync(graphQl, sharing.Key, consentId);
            await SharedCredentialSteps.SetStatusAsync(program, "unsuspendCredential", sharing.CredentialId);
            await WaitForAsync(async () => (await program.AdminAsync("{ events(first: 100, types: [\"credential.reinstated\"]) { events { credentialId } } }"))
                .GetProperty("events").GetProperty("events").GetArrayLength(), count => count == 1);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.NextMessageAsync(TimeSpan.FromSeconds(3)));
        }

        Assert.Empty((await FeedAsync(program.Id, partnerKey)).GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task A_partner_without_the_grant_or_naming_an_event_it_may_not_follow_is_refused_with_a_code()
    {
        var graphQl = server.GraphQl;
        var (program, _) = await PartnerScenario.ProgramAsync(graphQl);
        var (partnerId, partnerKey) = await PartnerScenario.RegisterAsync(graphQl);
        await PartnerScenario.GrantAsync(program, partnerId, server.Now.AddDays(90), "talent:search");

        await graphQl.ErrorAsync("FORBIDDEN", PartnerFeed, new { c = program.Id }, partnerKey);
        await using (var stream = await EventStreamClient.OpenAsync(server.Cluster.CreateClient(), PartnerSubscription, new { c = program.Id }, partnerKey))
        {
            Assert.Equal("FORBIDDEN", (await stream.NextResultAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }

        await PartnerScenario.GrantAsync(program, partnerId, server.Now.AddDays(90), "credentials:read");
        var error = await graphQl.ErrorAsync("VALIDATION_FAILED", PartnerFeed, new { c = program.Id, types = new[] { "attempt.decided" } }, partnerKey);
        Assert.Equal("types[0]", error.GetProperty("extensions").GetProperty("field").GetString());
        await graphQl.ErrorAsync("FORBIDDEN", "{ events(first: 5) { endCursor } }", key: partnerKey);
    }

    private async Task<JsonElement> FeedAsync(string community, string partnerKey) =>
        (await server.GraphQl.DataAsync(PartnerFeed, new { c = community }, partnerKey)).GetProperty("partnerEvents");

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt == 100)
            {
                Assert.True(done(value), $"Timed out; last seen: {JsonSerializer.Serialize(value)}");
                return value;
            }

            await Task.Delay(100);
        }
    }
}
