using System.Text.Json;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Credentials.StatusLists;

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

    [Fact]
    public async Task Issuing_takes_indexes_from_reserved_blocks_and_the_list_itself_is_written_only_when_a_bit_changes()
    {
        var issuer = new CredentialIssuer(fixture);
        var credentials = new List<IssuedCredential> { await issuer.IssueAsync() };
        for (var i = 0; i < 3; i++)
        {
            credentials.Add(await issuer.IssueAsync(issuer.Community));
        }

        var list = fixture.Grains.GetGrain<IStatusListGrain>(StatusListKeys.Of(issuer.Community, StatusPurpose.Revocation, 1));
        var indexes = credentials.Select(c => Entries(c)[0]).ToList();
        Assert.All(indexes, e => Assert.Equal(1, e.List));
        Assert.Equal(4, indexes.Select(e => e.Index).Distinct().Count());
        Assert.Null(await StoredGrainState.RowAsync(fixture.Cluster, "statuslist", list.GetGrainId()));
        var reservation = await StoredGrainState.RowAsync(fixture.Cluster, "statuslist-allocation", list.GetGrainId());
        Assert.NotNull(reservation);
        Assert.True(TableEntitySize.Of(reservation) < 1024, $"the reservation row is {TableEntitySize.Of(reservation)} bytes");

        await fixture.Grains.GetGrain<ICredentialGrain>(new ScopedKey(issuer.Community, credentials[2].Id).ToString()).RevokeAsync("Misconduct", Actors.System);

        Assert.NotNull(await StoredGrainState.RowAsync(fixture.Cluster, "statuslist", list.GetGrainId()));
        Assert.True((await PublishedBitsAsync(issuer.Community, StatusPurpose.Revocation, 1)).Get(indexes[2].Index));
    }

    [Fact]
    public async Task A_list_filled_at_random_before_blocks_keeps_serving_its_credentials_and_new_ones_go_to_the_next_list()
    {
        var community = GrainClusterFixture.NewCommunity();
        var legacy = fixture.Grains.GetGrain<IStatusListGrain>(StatusListKeys.Of(community, StatusPurpose.Revocation, 1));
        var taken = new Bitstring();
        foreach (var index in new[] { 5, 900, 70_000 })
        {
            taken.Set(index, true);
        }

        await StoredGrainState.WriteAsync(fixture.Cluster, "statuslist", legacy.GetGrainId(),
            new StatusListState { Bits = new Bitstring().ToBytes(), Allocated = taken.ToBytes(), AllocatedCount = 3 });

        var issued = await new CredentialIssuer(fixture).IssueAsync(community);

        Assert.Equal(2, Entries(issued)[0].List);
        Assert.Equal(1, Entries(issued)[1].List); // the suspension lists had no older list
        Assert.Equal(2, await fixture.Grains.GetGrain<IStatusListAllocatorGrain>(StatusListKeys.Allocator(community, StatusPurpose.Revocation)).GetCurrentListAsync());
        await AuditTrail.WithAsync(fixture.Grains, community, "statuslist.opened", "revocation/2");
        await legacy.SetAsync(900, true);
        Assert.True(await legacy.GetAsync(900));
        var never = await Assert.ThrowsAsync<CertGridException>(() => legacy.SetAsync(901, true));
        Assert.Equal(ErrorCode.Internal, never.Code);
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
