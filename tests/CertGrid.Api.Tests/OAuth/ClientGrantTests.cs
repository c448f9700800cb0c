using Bogus;

namespace CertGrid.Api.Tests.OAuth;

/// <summary>
/// A learner controls the OAuth 2.0 clients they allowed: lists them (name, scopes, when granted, when last used) and
/// withdraws one, after which its access and refresh tokens are refused on every gateway; revoking the learner key the
/// consent was given with withdraws it too. Two gateways, real Azurite and Redis, a client played over HTTP.
/// </summary>
public sealed class ClientGrantTests
{
    private const string ListQuery = "{ oauthClients { authorizationId clientId clientName scopes grantedAt lastUsedAt } }";
    private const string WithdrawMutation = "mutation($id: ID!) { withdrawOAuthClient(authorizationId: $id) { clientName } }";
    private static readonly Faker Faker = new() { Random = new Randomizer(1616) };

    [Fact]
    public async Task A_learner_lists_and_withdraws_the_clients_they_allowed_and_a_revoked_key_ends_the_grants_it_gave()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 2);
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(0));
        var learner = await scenario.EnrolLearnerAsync();
        var other = await scenario.EnrolLearnerAsync();
        using var node0 = NoRedirects(cluster, 0);
        using var node1 = NoRedirects(cluster, 1);
        var wallet = await OAuthClient.RegisterAsync(node0, Faker.Company.CompanyName() + " Wallet");
        var host = await OAuthClient.RegisterAsync(node1, Faker.Company.CompanyName() + " Badge Host");

        var walletTokens = await wallet.AuthoriseAsync(node0, learner.Key);
        var hostTokens = await host.AuthoriseAsync(node1, learner.Key);
        Assert.Equal(200, await OAuthClient.GetProfileAsync(node1, walletTokens.Access));

        var grants = (await cluster.GraphQl(0).DataAsync(ListQuery, key: learner.Key)).GetProperty("oauthClients").EnumerateArray().ToList();
        Assert.Equal([host.Name, wallet.Name], grants.Select(g => g.GetProperty("clientName").GetString()));
        var walletGrant = grants[1];
        Assert.Equal(wallet.Id, walletGrant.GetProperty("clientId").GetString());
        Assert.Equal([OAuthClient.ProfileScope], walletGrant.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.True(DateTimeOffset.UtcNow - walletGrant.GetProperty("grantedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        Assert.NotEqual(JsonValueKind.Null, walletGrant.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, grants[0].GetProperty("lastUsedAt").ValueKind);

        // Another learner sees none of them and cannot withdraw them; an admin key is not a learner's.
        var walletConsent = walletGrant.GetProperty("authorizationId").GetString();
        Assert.Empty((await cluster.GraphQl(1).DataAsync(ListQuery, key: other.Key)).GetProperty("oauthClients").EnumerateArray());
        await cluster.GraphQl(1).ErrorAsync("NOT_FOUND", WithdrawMutation, new { id = walletConsent }, other.Key);
        await cluster.GraphQl(0).ErrorAsync("FORBIDDEN", ListQuery, key: scenario.AdminKey);
        Assert.Equal(200, await OAuthClient.GetProfileAsync(node0, walletTokens.Access));

        // Withdrawn on one gateway: the client's next request is refused on both, and so is its refresh token.
        var withdrawn = await cluster.GraphQl(1).DataAsync(WithdrawMutation, new { id = walletConsent }, learner.Key);
        Assert.Equal(wallet.Name, withdrawn.GetProperty("withdrawOAuthClient").GetProperty("clientName").GetString());
        Assert.Equal(401, await OAuthClient.GetProfileAsync(node0, walletTokens.Access));
        Assert.Equal(401, await OAuthClient.GetProfileAsync(node1, walletTokens.Access));
        var (refreshStatus, refreshError) = await wallet.RefreshAsync(node0, walletTokens.Refresh);
        Assert.Equal(400, refreshStatus);
        Assert.Equal("invalid_grant", refreshError.GetProperty("error").GetString());
        await cluster.GraphQl(0).ErrorAsync("NOT_FOUND", WithdrawMutation, new { id = walletConsent }, learner.Key);

        // The other client is untouched: it refreshes and reads.
        var (renewed, fresh) = await host.RefreshAsync(node1, hostTokens.Refresh);
        Assert.Equal(200, renewed);
        Assert.Equal(200, await OAuthClient.GetProfileAsync(node0, fresh.GetProperty("access_token").GetString()!));

        // Revoking the learner key that gave the remaining consent ends it too, and it leaves the list.
        var keyId = (await cluster.GraphQl(0).DataAsync("{ apiKeys { nodes { id role subjectId } } }", key: scenario.AdminKey))
            .GetProperty("apiKeys").GetProperty("nodes").EnumerateArray()
            .Single(k => k.GetProperty("subjectId").GetString() == learner.Id).GetProperty("id").GetString();
        var spareKey = await scenario.IssueKeyAsync("LEARNER", learner.Id);
        await cluster.GraphQl(0).DataAsync("mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }", new { id = keyId }, scenario.AdminKey);
        Assert.Equal(401, await OAuthClient.GetProfileAsync(node1, fresh.GetProperty("access_token").GetString()!));
        Assert.Equal(400, (await host.RefreshAsync(node0, fresh.GetProperty("refresh_token").GetString()!)).Status);
        Assert.Empty((await cluster.GraphQl(1).DataAsync(ListQuery, key: spareKey)).GetProperty("oauthClients").EnumerateArray());
    }

    private static HttpClient NoRedirects(CertGridCluster cluster, int node) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = cluster.Nodes[node].BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
}
