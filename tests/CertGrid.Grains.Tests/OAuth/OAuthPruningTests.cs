using CertGrid.Abstractions.OAuth;
using CertGrid.Abstractions.Scheduling;

namespace CertGrid.Grains.Tests.OAuth;

/// <summary>
/// Expired OAuth 2.0 records are pruned on the community's deadline bucket (one reminder per community) by the domain
/// clock: a code and its reference index once the code expired, a refresh token at its expiry, and the authorization
/// with its place in the learner's list only after its last token.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class OAuthPruningTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_code_goes_when_it_expires_and_the_authorization_with_its_learners_grant_only_after_its_last_token()
    {
        var community = GrainClusterFixture.NewCommunity();
        var learnerId = EntityId.New(IdPrefixes.Learner);
        var clock = fixture.Cluster.Clock;
        var start = clock.GetUtcNow();
        var (authorization, authorizationId) = Record(community, IdPrefixes.OAuthAuthorization);
        var (code, codeId) = Record(community, IdPrefixes.OAuthToken);
        var (refresh, refreshId) = Record(community, IdPrefixes.OAuthToken);
        var reference = fixture.Grains.OAuthReference(Guid.NewGuid().ToString("N"));
        var grants = fixture.Grains.LearnerOAuthGrants(community, learnerId);

        await authorization.PutAsync(Json(authorizationId, $"\"subject\":\"{community}/{learnerId}\""), null, start.AddMinutes(10));
        await grants.RecordAsync(new ClientGrant(authorizationId, "client-1", "Wallet", ["scope"], default, null, EntityId.New(IdPrefixes.ApiKey)));
        await code.PutAsync(Json(codeId, $"\"referenceId\":\"{reference.GetPrimaryKeyString()["reference:".Length..]}\""), null, start.AddMinutes(5));
        await reference.PutAsync(codeId, null);
        await authorization.LinkAsync(codeId, start.AddMinutes(5));
        await refresh.PutAsync(Json(refreshId, "\"type\":\"refresh_token\""), null, start.AddDays(14));
        await authorization.LinkAsync(refreshId, start.AddDays(14));
        var bucket = fixture.Grains.GetGrain<IDeadlineBucketGrain>(community);
        Assert.Equal(3, (await bucket.GetStatusAsync()).Scheduled);
        Assert.Equal(0, await bucket.SweepAsync());

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await bucket.SweepAsync());
        await Eventually.HoldsAsync(code.FindAsync, r => r is null, "the expired code is pruned");
        Assert.Null(await reference.FindAsync());
        Assert.NotNull(await authorization.FindAsync());
        Assert.NotNull(await refresh.FindAsync());
        Assert.Single(await grants.ListAsync());
        await Eventually.HoldsAsync(async () => (await bucket.GetStatusAsync()).Scheduled, n => n == 2, "the code's deadline is cancelled");

        clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(2, await bucket.SweepAsync());
        await Eventually.HoldsAsync(authorization.FindAsync, r => r is null, "the authorization is pruned after its last token");
        await Eventually.HoldsAsync(refresh.FindAsync, r => r is null, "the expired refresh token is pruned");
        Assert.Empty(await grants.ListAsync());
        var status = await Eventually.HoldsAsync(bucket.GetStatusAsync, s => s.Scheduled == 0, "every deadline is cancelled");
        Assert.False(status.ReminderActive);
    }

    private (IOAuthRecordGrain Grain, string Id) Record(string community, string prefix)
    {
        var entityId = EntityId.New(prefix);
        return (fixture.Grains.OAuthGrant(community, entityId), $"{community}.{entityId}");
    }

    private static string Json(string id, string more) => $"{{\"id\":\"{id}\",\"status\":\"valid\",{more}}}";
}
