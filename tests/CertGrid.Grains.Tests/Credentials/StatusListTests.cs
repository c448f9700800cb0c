using System.Text.Json;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;

namespace CertGrid.Grains.Tests.Credentials;

/// <summary>Revocation and suspension through Bitstring Status Lists: what the published lists say, and what verification sees.</summary>
public sealed class StatusListTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Each_credential_gets_its_own_random_entries_in_a_revocation_and_a_suspension_list()
    {
        var issuer = new CredentialIssuer(fixture);
        var first = await issuer.IssueAsync();
        var second = await issuer.IssueAsync(issuer.Community);
        var entries = new[] { first, second }.Select(c => Entries(c)).ToList();

        Assert.All(entries, e => Assert.Equal(["revocation", "suspension"], e.Select(x => x.Purpose)));
        Assert.NotEqual(entries[0][0].Index, entries[1][0].Index);
        Assert.All(entries.SelectMany(e => e), e => Assert.InRange(e.Index, 0, Bitstring.MinimumLength - 1));
    }

    [Fact]
    public async Task Revoking_sets_the_bit_in_the_published_revocation_list_and_verification_fails()
    {
        var issuer = new CredentialIssuer(fixture);
        var revoked = await issuer.IssueAsync();
        var kept = await issuer.IssueAsync(issuer.Community);

        await fixture.Grains.GetGrain<ICredentialGrain>(new ScopedKey(issuer.Community, revoked.Id).ToString()).RevokeAsync("Misconduct", Actors.System);

        var list = await PublishedBitsAsync(issuer.Community, StatusPurpose.Revocation, Entries(revoked)[0].List);
        Assert.True(list.Get(Entries(revoked)[0].Index));
        Assert.False(list.Get(Entries(kept)[0].Index));
        var result = await fixture.Grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(revoked.Jwt);
        Assert.Equal(CheckOutcome.Failed, result.Checks.Single(c => c.Name == VerificationChecks.Revocation).Outcome);
        Assert.True((await fixture.Grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(kept.Jwt)).Valid);
    }

    [Fact]
    public async Task Suspension_is_published_and_lifted_again()
    {
        var issuer = new CredentialIssuer(fixture);
        var credential = await issuer.IssueAsync();
        var grain = fixture.Grains.GetGrain<ICredentialGrain>(new ScopedKey(issuer.Community, credential.Id).ToString());
        var verifier = fixture.Grains.GetGrain<ICredentialVerifierGrain>(0);
        var entry = Entries(credential)[1];

        await grain.SuspendAsync("Under investigation", Actors.System);
        Assert.True((await PublishedBitsAsync(issuer.Community, StatusPurpose.Suspension, entry.List)).Get(entry.Index));
        var suspended = await verifier.VerifyAsync(credential.Url);
        Assert.Equal(CheckOutcome.Failed, suspended.Checks.Single(c => c.Name == VerificationChecks.Suspension).Outcome);
        Assert.Contains("Under investigation", suspended.Checks.Single(c => c.Name == VerificationChecks.Suspension).Detail);

        await grain.UnsuspendAsync("Cleared", Actors.System);
        Assert.False((await PublishedBitsAsync(issuer.Community, StatusPurpose.Suspension, entry.List)).Get(entry.Index));
        Assert.True((await verifier.VerifyAsync(credential.Url)).Valid);

        await grain.RevokeAsync("Confirmed misconduct", Actors.System);
        await Assert.ThrowsAsync<Domain.Errors.CertGridException>(() => grain.SuspendAsync("again", Actors.System));
    }

    private async Task<Bitstring> PublishedBitsAsync(string community, StatusPurpose purpose, int list)
    {
        var published = await fixture.Grains.GetGrain<IStatusListGrain>($"{community}/{purpose.ToWireName()}/{list}").PublishAsync();
        var document = JsonDocument.Parse(published.DocumentJson).RootElement;
        Assert.Equal("BitstringStatusListCredential", document.GetProperty("type")[1].GetString());
        return Bitstring.Decode(document.GetProperty("credentialSubject").GetProperty("encodedList").GetString()!);
    }

    private static List<(string Purpose, int List, int Index)> Entries(IssuedCredential credential) =>
        JsonDocument.Parse(credential.DocumentJson).RootElement.GetProperty("credentialStatus").EnumerateArray()
            .Select(e => (e.GetProperty("statusPurpose").GetString()!, int.Parse(e.GetProperty("statusListCredential").GetString()!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(e.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}
