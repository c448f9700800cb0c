using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;

namespace CertGrid.Grains.Tests.Credentials;

/// <summary>Issued credentials verify; tampering, a wrong key, expiry and revocation each fail the check they should.</summary>
public sealed class CredentialVerificationTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task An_issued_credential_verifies_by_jwt_and_by_id()
    {
        var credential = await IssueAsync();
        var verifier = fixture.Grains.GetGrain<ICredentialVerifierGrain>(0);
        foreach (var presented in new[] { credential.Jwt, credential.Url })
        {
            var result = await verifier.VerifyAsync(presented);
            Assert.True(result.Valid, string.Join("; ", result.Checks.Select(c => $"{c.Name}:{c.Outcome}:{c.Detail}")));
            Assert.Equal(credential.HolderName, result.HolderName);
            Assert.Equal(8, result.Checks.Count);
        }
    }

    [Fact]
    public async Task A_tampered_payload_fails_the_signature_check()
    {
        var credential = await IssueAsync();
        var parts = credential.Jwt.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["name"] = "Grand Master of Everything";
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        var result = await fixture.Grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(tampered);
        Assert.False(result.Valid);
        Assert.Equal(CheckOutcome.Failed, Check(result, VerificationChecks.Signature).Outcome);
        Assert.Null(result.HolderName);
    }

    [Fact]
    public async Task A_wrong_kid_fails_the_signature_check_and_says_so()
    {
        var credential = await IssueAsync();
        var parts = credential.Jwt.Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        header["kid"] = "not-a-published-key";
        var forged = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{parts[1]}.{parts[2]}";

        var result = await fixture.Grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(forged);
        var signature = Check(result, VerificationChecks.Signature);
        Assert.Equal(CheckOutcome.Failed, signature.Outcome);
        Assert.Contains("not-a-published-key", signature.Detail);
    }

    [Fact]
    public async Task An_expired_credential_fails_the_expiry_check_once_its_time_has_passed()
    {
        var credential = await IssueAsync(validityDays: 30);
        var verifier = fixture.Grains.GetGrain<ICredentialVerifierGrain>(0);
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(29));
        Assert.True((await verifier.VerifyAsync(credential.Jwt)).Valid);

        // Time only moves forward; credentials the other tests issue afterwards start from the new now.
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(2));
        var result = await verifier.VerifyAsync(credential.Jwt);
        Assert.False(result.Valid);
        Assert.Equal(CheckOutcome.Failed, Check(result, VerificationChecks.Expiry).Outcome);
        Assert.Equal(CheckOutcome.Passed, Check(result, VerificationChecks.Signature).Outcome);
    }

    [Fact]
    public async Task A_revoked_credential_fails_the_revocation_check_even_after_a_cached_signature()
    {
        var credential = await IssueAsync();
        var verifier = fixture.Grains.GetGrain<ICredentialVerifierGrain>(0);
        Assert.True((await verifier.VerifyAsync(credential.Jwt)).Valid);

        await fixture.Grains.Credential(Community(credential), credential.Id).RevokeAsync("Issued in error", Actors.System);
        var result = await verifier.VerifyAsync(credential.Jwt);
        Assert.False(result.Valid);
        Assert.Equal(CheckOutcome.Failed, Check(result, VerificationChecks.Revocation).Outcome);
        Assert.Contains("Issued in error", Check(result, VerificationChecks.Revocation).Detail);
    }

    [Fact]
    public async Task Issuing_again_returns_the_same_credential()
    {
        var credential = await IssueAsync();
        var again = await fixture.Grains.Credential(Community(credential), credential.Id)
            .IssueAsync(new IssueCredential(credential.LearnerId, credential.DefinitionId, credential.AttemptId, [], []));
        Assert.Equal(credential.Jwt, again.Jwt);
    }

    private static VerificationCheck Check(VerificationResult result, string name) => result.Checks.Single(c => c.Name == name);

    private static string Community(IssuedCredential credential) => new Uri(credential.Url).Segments[2].TrimEnd('/');

    private Task<IssuedCredential> IssueAsync(int? validityDays = 365) => new CredentialIssuer(fixture).IssueAsync(validityDays: validityDays);
}
