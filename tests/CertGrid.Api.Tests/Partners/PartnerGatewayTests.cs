namespace CertGrid.Api.Tests.Partners;

/// <summary>
/// Consent withdrawals and grant revocations take effect on the next request through another gateway: nothing a
/// gateway keeps (no key cache for partners, no response cache for partner fields) outlives them.
/// </summary>
public sealed class PartnerGatewayTests
{
    [Fact]
    public async Task A_withdrawal_or_revocation_through_one_gateway_is_seen_on_the_next_request_through_another()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 1, gateways: 1);
        var (first, second) = (cluster.GraphQl(0), cluster.GraphQl(1));
        var (program, definition) = await PartnerScenario.ProgramAsync(first);
        var (partnerId, partnerKey) = await PartnerScenario.RegisterAsync(first);
        var holder = await PartnerScenario.HolderAsync(program, definition);
        var consent = await PartnerScenario.DiscoverableAsync(first, holder.Key, new { credentialIds = new[] { holder.CredentialId }, showName = true, allowContact = true });
        await PartnerScenario.GrantAsync(program, partnerId, DateTimeOffset.UtcNow.AddDays(30), "talent:search");

        var page = await PartnerScenario.SearchAsync(second, partnerKey);
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        // The handle one gateway handed out works through the other (one key ring for the cluster).
        var handle = page.GetProperty("nodes")[0].GetProperty("handle").GetString();
        await first.DataAsync("mutation($h: String!) { contactTalent(handle: $h, message: \"Hello\") }", new { h = handle }, partnerKey);

        await first.DataAsync("mutation($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }", new { id = consent }, holder.Key);
        Assert.Equal(0, (await PartnerScenario.SearchAsync(second, partnerKey)).GetProperty("totalCount").GetInt32());
        await second.ErrorAsync("NOT_FOUND", "mutation($h: String!) { contactTalent(handle: $h, message: \"Hello again\") }", new { h = handle }, partnerKey);

        await PartnerScenario.DiscoverableAsync(first, holder.Key, new { credentialIds = new[] { holder.CredentialId }, showName = true });
        Assert.Equal(1, (await PartnerScenario.SearchAsync(second, partnerKey)).GetProperty("totalCount").GetInt32());
        await program.AdminAsync("mutation($p: ID!) { revokePartnerAccess(partnerId: $p) { revokedAt } }", new { p = partnerId });
        Assert.Equal(0, (await PartnerScenario.SearchAsync(second, partnerKey)).GetProperty("totalCount").GetInt32());
    }
}
