using System.Text.Json;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Credentials.StatusLists;
using CertGrid.Testing;

namespace CertGrid.Grains.Tests.Credentials;

/// <summary>Revocation and suspension through one 2-bit Bitstring Status List entry: what the published list says, and what verification sees.</summary>
public sealed class StatusListTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Each_credential_gets_one_random_two_bit_entry_in_a_message_list()
    {
        var issuer = new CredentialIssuer(fixture);
        var first = await issuer.IssueAsync();
        var second = await issuer.IssueAsync(issuer.Community);

        var status = JsonDocument.Parse(first.DocumentJson).RootElement.GetProperty("credentialStatus");
        Assert.Equal(JsonValueKind.Object, status.ValueKind);
        Assert.Equal("message", status.GetProperty("statusPurpose").GetString());
        Assert.Equal(2, status.GetProperty("statusSize").GetInt32());
        Assert.Equal(["valid", "revoked", "suspended", "revoked"], status.GetProperty("statusMessage").EnumerateArray().Select(m => m.GetProperty("message").GetString()));
        Assert.NotEqual(Entry(first).Index, Entry(second).Index);
        Assert.All(new[] { first, second }, c => Assert.InRange(Entry(c).Index, 0, Bitstring.MinimumLength - 1));
    }

    [Fact]
    public async Task Revoking_writes_the_revoked_code_in_the_published_list_and_verification_fails()
    {
        var issuer = new CredentialIssuer(fixture);
        var revoked = await issuer.IssueAsync();
        var kept = await issuer.IssueAsync(issuer.Community);

        await fixture.Grains.Credential(issuer.Community, revoked.Id).RevokeAsync("Misconduct", Actors.System);

        var list = await PublishedListAsync(issuer.Community, Entry(revoked).List);
        Assert.Equal(CredentialStatusCode.Revoked, list.GetEntry(Entry(revoked).Index, 2));
        Assert.Equal(CredentialStatusCode.Valid, list.GetEntry(Entry(kept).Index, 2));
        var result = await fixture.Grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(revoked.Jwt);
        Assert.Equal(CheckOutcome.Failed, result.Checks.Single(c => c.Name == VerificationChecks.Revocation).Outcome);
        Assert.Equal(CheckOutcome.Passed, result.Checks.Single(c => c.Name == VerificationChecks.Suspension).Outcome);
        Assert.True((await fixture.Grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(kept.Jwt)).Valid);
    }

    [Fact]
    public async Task Suspension_is_published_and_lifted_again()
    {
        var issuer = new CredentialIssuer(fixture);
        var credential = await issuer.IssueAsync();
        var grain = fixture.Grains.Credential(issuer.Community, credential.Id);
        var verifier = fixture.Grains.GetGrain<ICredentialVerifierGrain>(0);
        var entry = Entry(credential);

        await grain.SuspendAsync("Under investigation", Actors.System);
        Assert.Equal(CredentialStatusCode.Suspended, (await PublishedListAsync(issuer.Community, entry.List)).GetEntry(entry.Index, 2));
        var suspended = await verifier.VerifyAsync(credential.Url);
        Assert.Equal(CheckOutcome.Failed, suspended.Checks.Single(c => c.Name == VerificationChecks.Suspension).Outcome);
        Assert.Equal(CheckOutcome.Passed, suspended.Checks.Single(c => c.Name == VerificationChecks.Revocation).Outcome);
        Assert.Contains("Under investigation", suspended.Checks.Single(c => c.Name == VerificationChecks.Suspension).Detail);

        await grain.UnsuspendAsync("Cleared", Actors.System);
        Assert.Equal(CredentialStatusCode.Valid, (await PublishedListAsync(issuer.Community, entry.List)).GetEntry(entry.Index, 2));
        Assert.True((await verifier.VerifyAsync(credential.Url)).Valid);

        await grain.RevokeAsync("Confirmed misconduct", Actors.System);
        await Assert.ThrowsAsync<Domain.Errors.CertGridException>(() => grain.SuspendAsync("again", Actors.System));
    }

    [Fact]
    public async Task Issuing_takes_indexes_from_reserved_blocks_and_the_list_itself_is_written_only_when_an_entry_changes()
    {
        var issuer = new CredentialIssuer(fixture);
        var credentials = new List<IssuedCredential> { await issuer.IssueAsync() };
        for (var i = 0; i < 3; i++)
        {
            credentials.Add(await issuer.IssueAsync(issuer.Community));
        }

        var list = fixture.Grains.StatusList(issuer.Community, StatusPurpose.Message, 1);
        var entries = credentials.Select(Entry).ToList();
        Assert.All(entries, e => Assert.Equal(1, e.List));
        Assert.Equal(4, entries.Select(e => e.Index).Distinct().Count());
        Assert.Null(await StoredGrainState.RowAsync(fixture.Cluster, "statuslist", list.GetGrainId()));
        var reservation = await StoredGrainState.RowAsync(fixture.Cluster, "statuslist-allocation", list.GetGrainId());
        Assert.NotNull(reservation);
        Assert.True(TableEntitySize.Of(reservation) < 1024, $"the reservation row is {TableEntitySize.Of(reservation)} bytes");

        await fixture.Grains.Credential(issuer.Community, credentials[2].Id).RevokeAsync("Misconduct", Actors.System);

        Assert.NotNull(await StoredGrainState.RowAsync(fixture.Cluster, "statuslist", list.GetGrainId()));
        Assert.Equal(CredentialStatusCode.Revoked, (await PublishedListAsync(issuer.Community, 1)).GetEntry(entries[2].Index, 2));
    }

    [Fact]
    public async Task A_list_filled_at_random_before_blocks_keeps_serving_its_credentials_and_new_ones_go_to_the_next_list()
    {
        var community = GrainClusterFixture.NewCommunity();
        var legacy = fixture.Grains.StatusList(community, StatusPurpose.Message, 1);
        var taken = new Bitstring();
        foreach (var index in new[] { 5, 900, 70_000 })
        {
            taken.Set(index, true);
        }

        await StoredGrainState.WriteAsync(fixture.Cluster, "statuslist", legacy.GetGrainId(),
            new StatusListState { Bits = new Bitstring(2 * Bitstring.MinimumLength).ToBytes(), Allocated = taken.ToBytes(), AllocatedCount = 3 });

        var issued = await new CredentialIssuer(fixture).IssueAsync(community);

        Assert.Equal(2, Entry(issued).List);
        Assert.Equal(2, await fixture.Grains.StatusListAllocator(community, StatusPurpose.Message).GetCurrentListAsync());
        await AuditTrail.WithAsync(fixture.Grains, community, "statuslist.opened", "message/2");
        await legacy.SetAsync(900, CredentialStatusCode.Suspended);
        Assert.Equal(CredentialStatusCode.Suspended, await legacy.GetAsync(900));
        var never = await Assert.ThrowsAsync<CertGridException>(() => legacy.SetAsync(901, CredentialStatusCode.Revoked));
        Assert.Equal(ErrorCode.Internal, never.Code);
    }

    [Fact]
    public async Task A_credential_issued_with_the_earlier_array_of_one_bit_entries_still_verifies_and_its_revocation_bit_counts()
    {
        var issuer = new CredentialIssuer(fixture);
        var credential = await issuer.IssueAsync();
        var community = issuer.Community;
        var statusBase = JsonDocument.Parse(credential.DocumentJson).RootElement.GetProperty("credentialStatus").GetProperty("statusListCredential").GetString()!;
        statusBase = statusBase[..statusBase.IndexOf("/message/", StringComparison.Ordinal)];
        var revocation = await fixture.Grains.StatusListAllocator(community, StatusPurpose.Revocation).AllocateAsync();
        var suspension = await fixture.Grains.StatusListAllocator(community, StatusPurpose.Suspension).AllocateAsync();
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(credential.Jwt.Split('.')[1]))!.AsObject();
        payload["credentialStatus"] = new JsonArray(
            [.. new[] { revocation, suspension }.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = $"{statusBase}/{e.Purpose.ToWireName()}/{e.ListNumber}#{e.Index}",
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = e.Purpose.ToWireName(),
                ["statusListIndex"] = e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["statusListCredential"] = $"{statusBase}/{e.Purpose.ToWireName()}/{e.ListNumber}",
            })]);
        var legacy = await fixture.Grains.GetGrain<IIssuerGrain>(community).SignJwtAsync(payload.ToJsonString());
        var verifier = fixture.Grains.GetGrain<ICredentialVerifierGrain>(0);

        var before = await verifier.VerifyAsync(legacy.Compact);
        Assert.True(before.Valid, string.Join("; ", before.Checks.Select(c => $"{c.Name}: {c.Detail}")));

        await fixture.Grains.StatusList(community, StatusPurpose.Revocation, revocation.ListNumber).SetAsync(revocation.Index, 1);
        var after = await verifier.VerifyAsync(legacy.Compact);
        Assert.Equal(CheckOutcome.Failed, after.Checks.Single(c => c.Name == VerificationChecks.Revocation).Outcome);
        Assert.Equal(CheckOutcome.Passed, after.Checks.Single(c => c.Name == VerificationChecks.Suspension).Outcome);
    }

    private async Task<Bitstring> PublishedListAsync(string community, int list)
    {
        var published = await fixture.Grains.StatusList(community, StatusPurpose.Message, list).PublishAsync();
        var document = JsonDocument.Parse(published.DocumentJson).RootElement;
        Assert.Equal("BitstringStatusListCredential", document.GetProperty("type")[1].GetString());
        Assert.Equal("message", document.GetProperty("credentialSubject").GetProperty("statusPurpose").GetString());
        var bits = Bitstring.Decode(document.GetProperty("credentialSubject").GetProperty("encodedList").GetString()!);
        Assert.Equal(2 * Bitstring.MinimumLength, bits.Length);
        return bits;
    }

    private static (int List, int Index) Entry(IssuedCredential credential)
    {
        var status = JsonDocument.Parse(credential.DocumentJson).RootElement.GetProperty("credentialStatus");
        return (int.Parse(status.GetProperty("statusListCredential").GetString()!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(status.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
