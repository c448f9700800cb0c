using System.Text;
using CertGrid.Abstractions.DirectAwards;
using CertGrid.Domain.Audit;
using CertGrid.Domain.DirectAwards;
using CertGrid.Domain.Notices;

namespace CertGrid.Grains.Tests.DirectAwards;

/// <summary>The award hook secret on a 2-silo cluster against Azurite: stored encrypted, and a rotated-out secret verifies for the overlap only.</summary>
public sealed class AwardHookSecretTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private const string DeliveryId = "dlv-1";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"definitionId":"def_x"}""");

    [Fact]
    public async Task A_rotated_out_secret_verifies_for_a_day_and_then_no_more()
    {
        var hook = fixture.Grains.AwardHook(GrainClusterFixture.NewCommunity());
        Assert.Equal(AwardHookCheck.NotEnabled, await hook.VerifyAsync(Signed("whsec_any-secret-at-all-000000"), Content()));
        var old = (await hook.CreateSecretAsync(Actors.Admin("key_a"))).Secret;
        var rotated = await hook.RotateSecretAsync(Actors.Admin("key_a"));

        Assert.Equal(AwardHookCheck.Valid, await hook.VerifyAsync(Signed(old), Content()));
        Assert.Equal(AwardHookCheck.Valid, await hook.VerifyAsync(Signed(rotated.Secret), Content()));
        Assert.Equal(fixture.Cluster.Clock.GetUtcNow() + AwardHookOverlap.PreviousSecretValidFor, rotated.Hook.PreviousSecretValidUntil);

        fixture.Cluster.Clock.Advance(AwardHookOverlap.PreviousSecretValidFor + TimeSpan.FromSeconds(1));
        Assert.Equal(AwardHookCheck.BadSignature, await hook.VerifyAsync(Signed(old), Content()));
        Assert.Equal(AwardHookCheck.Valid, await hook.VerifyAsync(Signed(rotated.Secret), Content()));
        Assert.Null((await hook.GetAsync()).PreviousSecretValidUntil);
        Assert.Equal(AwardHookCheck.Stale, await hook.VerifyAsync(Signed(rotated.Secret, fixture.Cluster.Clock.GetUtcNow().AddMinutes(-6)), Content()));
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_never_read_back()
    {
        var hook = fixture.Grains.AwardHook(GrainClusterFixture.NewCommunity());
        var created = await hook.CreateSecretAsync(Actors.Admin("key_a"));
        var rotated = await hook.RotateSecretAsync(Actors.Admin("key_a"));

        Assert.NotNull(await StoredGrainState.RowAsync(fixture.Cluster, "award-hook", hook.GetGrainId()));
        foreach (var secret in new[] { created.Secret, rotated.Secret })
        {
            Assert.False(await StoredGrainState.RowHoldsAsync(fixture.Cluster, "award-hook", hook.GetGrainId(), secret));
        }

        var conflict = await Assert.ThrowsAsync<Domain.Errors.CertGridException>(() => hook.CreateSecretAsync(Actors.Admin("key_a")));
        Assert.Equal(ErrorCode.Conflict, conflict.Code);
    }

    private static byte[] Content() => AwardHookRequest.SignedContent(DeliveryId, Body);

    private string Signed(string secret, DateTimeOffset? at = null)
    {
        var t = (at ?? fixture.Cluster.Clock.GetUtcNow()).ToUnixTimeSeconds();
        return $"t={t},v1={WebhookSignature.Compute(secret, t, Content())}";
    }
}
