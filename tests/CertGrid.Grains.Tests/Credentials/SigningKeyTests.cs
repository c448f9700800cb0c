using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Retries;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Credentials;

/// <summary>Key rotation keeps earlier credentials verifying; a compromised key fails what it signed until it is re-issued.</summary>
public sealed class SigningKeyTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task After_rotating_to_rs256_new_credentials_use_it_and_earlier_ones_still_verify()
    {
        var issuer = new CredentialIssuer(fixture);
        var before = await issuer.IssueAsync();
        var keys = fixture.Grains.GetGrain<IIssuerGrain>(issuer.Community);
        var rotated = await keys.RotateAsync(SigningAlgorithm.RS256, Actors.System);
        var after = await issuer.IssueAsync(issuer.Community);

        Assert.Equal(rotated.KeyId, after.SigningKeyId);
        Assert.Contains("\"alg\":\"RS256\"", System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(after.Jwt.Split('.')[0])));
        var published = await keys.GetPublicKeysAsync();
        Assert.Equal([SigningKeyStatus.Retired, SigningKeyStatus.Active], published.Select(k => k.Status));
        var verifier = fixture.Grains.GetGrain<ICredentialVerifierGrain>(0);
        Assert.True((await verifier.VerifyAsync(before.Jwt)).Valid);
        Assert.True((await verifier.VerifyAsync(after.Jwt)).Valid);
    }

    [Fact]
    public async Task A_rotation_whose_answer_was_lost_answers_the_same_key_when_run_again_and_creates_one()
    {
        var community = GrainClusterFixture.NewCommunity();
        var keys = fixture.Grains.GetGrain<IIssuerGrain>(community);
        var rotating = new RetriedOperation("op_" + Guid.NewGuid().ToString("N"), fixture.Cluster.Clock.GetUtcNow().AddHours(1));

        fixture.Cluster.FailOneWrite(community, skip: 0, afterStoring: true);
        var lost = await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(rotating, () => keys.RotateAsync(SigningAlgorithm.RS256, Actors.System)));
        Assert.Equal(ErrorCode.Unavailable, lost.Code);
        var rotated = await RetriedCalls.UnderAsync(rotating, () => keys.RotateAsync(SigningAlgorithm.RS256, Actors.System));

        var published = Assert.Single(await keys.GetPublicKeysAsync());
        Assert.Equal((published.KeyId, "RS256", SigningKeyStatus.Active), (rotated.KeyId, rotated.Algorithm, rotated.Status));
    }

    [Fact]
    public async Task A_compromised_key_fails_what_it_signed_and_reissuing_restores_a_valid_credential()
    {
        var issuer = new CredentialIssuer(fixture);
        var credential = await issuer.IssueAsync();
        var verifier = fixture.Grains.GetGrain<ICredentialVerifierGrain>(0);
        Assert.True((await verifier.VerifyAsync(credential.Jwt)).Valid);

        var keys = fixture.Grains.GetGrain<IIssuerGrain>(issuer.Community);
        await keys.RetireCompromisedAsync(credential.SigningKeyId, "Key file leaked", Actors.System);
        var result = await verifier.VerifyAsync(credential.Jwt);
        var signature = result.Checks.Single(c => c.Name == VerificationChecks.Signature);
        Assert.False(result.Valid);
        Assert.Equal(CheckOutcome.Failed, signature.Outcome);
        Assert.Contains("compromised", signature.Detail);
        Assert.Single(await keys.GetPublicKeysAsync(), k => k.Status == SigningKeyStatus.Active);

        var signedByIt = await fixture.Grains.GetGrain<ICredentialIndexGrain>(issuer.Community).ListSignedWithAsync(credential.SigningKeyId, new(100, null));
        Assert.Contains(signedByIt.Items, c => c.Id == credential.Id);

        var old = fixture.Grains.Credential(issuer.Community, credential.Id);
        var replacement = await old.ReissueAsync("signing key compromised", Actors.System);
        var again = await old.ReissueAsync("signing key compromised", Actors.System);
        Assert.Equal(replacement.Id, again.Id);
        Assert.Equal(credential.Id, replacement.ReplacesCredentialId);
        Assert.NotEqual(credential.SigningKeyId, replacement.SigningKeyId);
        Assert.True((await verifier.VerifyAsync(replacement.Jwt)).Valid);
        var oldNow = (await old.FindAsync())!;
        Assert.Equal(CredentialStatus.Revoked, oldNow.Status);
        Assert.Equal(replacement.Id, oldNow.ReplacedByCredentialId);
    }
}
