namespace CertGrid.Api.Tests.Partners;

/// <summary>
/// A partner organisation without a grant, with an expired or revoked grant, with a grant of another community or
/// without the scope, or after the learner withdrew consent, gets nothing from any partner field: talent search is
/// empty, a shared credential and a contact are NOT_FOUND (as documented in docs/api/partners.md).
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class PartnerRefusalTests(ProgramServerFixture server)
{
    private const string Shared = "query($c: String!, $id: ID!) { sharedCredential(community: $c, id: $id) { url holderName achievementName status jwt } }";
    private const string Contact = "mutation($h: String!) { contactTalent(handle: $h, message: \"Hello from a recruiter\") }";

    [Fact]
    public async Task Every_partner_field_yields_nothing_without_a_standing_grant_with_its_scope_or_after_consent_is_withdrawn()
    {
        var graphQl = server.GraphQl;
        var (community, definition) = await PartnerScenario.ProgramAsync(graphQl);
        var (other, _) = await PartnerScenario.ProgramAsync(graphQl);
        var (partnerId, partnerKey) = await PartnerScenario.RegisterAsync(graphQl);
        var holder = await PartnerScenario.HolderAsync(community, definition);
        var discoverable = await PartnerScenario.DiscoverableAsync(graphQl, holder.Key, new { credentialIds = new[] { holder.CredentialId }, showName = true, allowContact = true });
        var share = (await graphQl.DataAsync("mutation($c: ID!, $p: ID!) { shareCredentialWithPartner(credentialId: $c, partnerId: $p) { id kind text } }",
            new { c = holder.CredentialId, p = partnerId }, holder.Key)).GetProperty("shareCredentialWithPartner");
        Assert.Contains(holder.CredentialId, share.GetProperty("text").GetString());

        // A handle handed out to another partner that holds a grant: handles name nobody, so it is fine to reuse here.
        var (witnessId, witnessKey) = await PartnerScenario.RegisterAsync(graphQl);
        await PartnerScenario.GrantAsync(community, witnessId, server.Now.AddDays(365), "talent:search", "credentials:read");
        var handle = (await PartnerScenario.SearchAsync(graphQl, witnessKey)).GetProperty("nodes")[0].GetProperty("handle").GetString()!;

        await SeesNothingAsync("no grant at all");

        await PartnerScenario.GrantAsync(other, partnerId, server.Now.AddDays(365), "talent:search", "credentials:read");
        await SeesNothingAsync("a grant of another community");

        await PartnerScenario.GrantAsync(community, partnerId, server.Now.AddDays(30), "credentials:read");
        Assert.Equal(0, (await PartnerScenario.SearchAsync(graphQl, partnerKey)).GetProperty("totalCount").GetInt32());
        await graphQl.ErrorAsync("NOT_FOUND", Contact, new { h = handle }, partnerKey);
        await community.AdminAsync("mutation($p: ID!) { revokePartnerAccess(partnerId: $p) { revokedAt } }", new { p = partnerId });

        await PartnerScenario.GrantAsync(community, partnerId, server.Now.AddDays(1), "talent:search", "credentials:read");
        await SeesAllAsync();
        server.Clock.Advance(TimeSpan.FromDays(2));
        await SeesNothingAsync("an expired grant");

        await PartnerScenario.GrantAsync(community, partnerId, server.Now.AddDays(30), "talent:search", "credentials:read");
        await SeesAllAsync();
        var revoked = await community.AdminAsync("mutation($p: ID!) { revokePartnerAccess(partnerId: $p) { revokedAt active } }", new { p = partnerId });
        Assert.False(revoked.GetProperty("revokePartnerAccess").GetProperty("active").GetBoolean());
        await SeesNothingAsync("a revoked grant");

        await PartnerScenario.GrantAsync(community, partnerId, server.Now.AddDays(30), "talent:search", "credentials:read");
        await SeesAllAsync();
        await Withdraw(discoverable);
        await Withdraw(share.GetProperty("id").GetString()!);
        await SeesNothingAsync("consent withdrawn");

        var consents = (await graphQl.DataAsync("{ myConsents { id version kind active withdrawnAt text } }", key: holder.Key)).GetProperty("myConsents").EnumerateArray().ToList();
        Assert.Equal(2, consents.Count);
        Assert.All(consents, c => Assert.False(c.GetProperty("active").GetBoolean()));
        Assert.Equal([2, 1], consents.Select(c => c.GetProperty("version").GetInt32()));

        async Task Withdraw(string id) =>
            await graphQl.DataAsync("mutation($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }", new { id }, holder.Key);

        async Task SeesAllAsync()
        {
            Assert.Equal(1, (await PartnerScenario.SearchAsync(graphQl, partnerKey)).GetProperty("totalCount").GetInt32());
            var credential = (await graphQl.DataAsync(Shared, new { c = community.Id, id = holder.CredentialId }, partnerKey)).GetProperty("sharedCredential");
            Assert.Equal("ACTIVE", credential.GetProperty("status").GetString());
            Assert.True((await graphQl.DataAsync(Contact, new { h = handle }, partnerKey)).GetProperty("contactTalent").GetBoolean());
        }

        async Task SeesNothingAsync(string because)
        {
            var page = await PartnerScenario.SearchAsync(graphQl, partnerKey);
            Assert.True(page.GetProperty("totalCount").GetInt32() == 0 && page.GetProperty("nodes").GetArrayLength() == 0, $"talent search with {because}: {page}");
            await graphQl.ErrorAsync("NOT_FOUND", Shared, new { c = community.Id, id = holder.CredentialId }, partnerKey);
            await graphQl.ErrorAsync("NOT_FOUND", Contact, new { h = handle }, partnerKey);
        }
    }

    [Fact]
    public async Task Partner_keys_rotate_expire_and_are_refused_once_revoked_and_community_keys_cannot_reach_partner_fields()
    {
        var graphQl = server.GraphQl;
        var (_, oldKey) = await PartnerScenario.RegisterAsync(graphQl);
        var rotated = (await graphQl.DataAsync("mutation($e: DateTimeOffset) { issuePartnerKey(label: \"Rotation\", expiresAt: $e) { token key { id expiresAt } } }",
            new { e = server.Now.AddDays(3) }, oldKey)).GetProperty("issuePartnerKey");
        var newKey = rotated.GetProperty("token").GetString()!;
        var keys = (await graphQl.DataAsync("{ partnerOrganisation { keys { id revokedAt } } }", key: newKey)).GetProperty("partnerOrganisation").GetProperty("keys");
        Assert.Equal(2, keys.GetArrayLength());
        var oldKeyId = keys.EnumerateArray().Single(k => k.GetProperty("id").GetString() != rotated.GetProperty("key").GetProperty("id").GetString()).GetProperty("id").GetString();
        await graphQl.DataAsync("mutation($k: ID!) { revokePartnerKey(keyId: $k) { revokedAt } }", new { k = oldKeyId }, newKey);
        Assert.Equal(401, (await graphQl.SendAsync("{ partnerOrganisation { id } }", key: oldKey)).Status);
        Assert.Equal(401, (await graphQl.SendAsync("{ partnerOrganisation { id } }", key: newKey[..^2] + "xx")).Status);

        server.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(401, (await graphQl.SendAsync("{ partnerOrganisation { id } }", key: newKey)).Status);

        // A community's own keys, whatever their role, cannot use the partner fields, and a partner key no community field.
        var community = await CommunityScenario.CreateAsync(graphQl);
        var legacyPartner = await community.IssueKeyAsync("PARTNER", null, ["talent:search", "credentials:read"]);
        await graphQl.ErrorAsync("FORBIDDEN", PartnerScenario.TalentSearch, new { first = 1 }, legacyPartner);
        await graphQl.ErrorAsync("FORBIDDEN", PartnerScenario.TalentSearch, new { first = 1 }, community.AdminKey);
        var (_, fresh) = await PartnerScenario.RegisterAsync(graphQl);
        await graphQl.ErrorAsync("FORBIDDEN", "{ credentials(first: 10) { nodes { holderName } } }", key: fresh);
        await graphQl.ErrorAsync("FORBIDDEN", "{ learners(first: 10) { nodes { name } } }", key: fresh);
    }
}
