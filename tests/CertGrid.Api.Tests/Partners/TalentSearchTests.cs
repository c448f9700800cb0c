namespace CertGrid.Api.Tests.Partners;

/// <summary>
/// A partner organisation finds, through the communities that granted it talent:search, exactly the holders who
/// consented, sees only what they chose to show, and every sighting and message lands in the holder's log.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class TalentSearchTests(ProgramServerFixture server)
{
    [Fact]
    public async Task A_partner_finds_only_consenting_holders_of_granting_communities_filtered_and_logged_for_them()
    {
        var graphQl = server.GraphQl;
        var (granting, definition) = await PartnerScenario.ProgramAsync(graphQl);
        var (silent, silentDefinition) = await PartnerScenario.ProgramAsync(graphQl);
        var (partnerId, partnerKey) = await PartnerScenario.RegisterAsync(graphQl);
        var shown = await PartnerScenario.HolderAsync(granting, definition);
        var hidden = await PartnerScenario.HolderAsync(granting, definition);
        var elsewhere = await PartnerScenario.HolderAsync(silent, silentDefinition);
        await PartnerScenario.DiscoverableAsync(graphQl, shown.Key, new { credentialIds = new[] { shown.CredentialId }, showName = true, region = "Bavaria", languages = new[] { "de", "EN" }, allowContact = true });
        await PartnerScenario.DiscoverableAsync(graphQl, elsewhere.Key, new { credentialIds = new[] { elsewhere.CredentialId }, showName = true, allowContact = true });
        await PartnerScenario.GrantAsync(granting, partnerId, server.Now.AddDays(30), "talent:search");

        var (_, raw) = await graphQl.SendAsync(PartnerScenario.TalentSearch, new { first = 10 }, partnerKey);
        var page = raw.GetProperty("data").GetProperty("talentSearch");
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        var match = Assert.Single(page.GetProperty("nodes").EnumerateArray());
        Assert.Equal(granting.Id, match.GetProperty("community").GetString());
        Assert.Equal(await LearnerNameAsync(granting, shown.LearnerId), match.GetProperty("name").GetString());
        Assert.Equal(["de", "en"], match.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        var credential = Assert.Single(match.GetProperty("credentials").EnumerateArray());
        Assert.Equal(definition, credential.GetProperty("credentialDefinitionId").GetString());
        Assert.All(credential.GetProperty("competencies").EnumerateArray(), c => Assert.Equal(100, c.GetProperty("levelPercent").GetInt32()));
        // Minimisation: no email, no internal id of the holder anywhere in what the partner got.
        Assert.DoesNotContain("@", raw.ToString());
        Assert.DoesNotContain(shown.LearnerId, raw.ToString());
        Assert.DoesNotContain(shown.CredentialId, raw.ToString());

        Assert.Equal(1, await CountAsync(partnerKey, new { region = "bavaria", language = "de" }));
        Assert.Equal(0, await CountAsync(partnerKey, new { language = "fr" }));
        Assert.Equal(0, await CountAsync(partnerKey, new { region = "Tyrol" }));
        Assert.Equal(1, await CountAsync(partnerKey, new { competencyCode = "OBS-1", minimumLevelPercent = 100, tier = "FOUNDATIONAL", credentialDefinitionId = definition }));
        Assert.Equal(0, await CountAsync(partnerKey, new { competencyCode = "CAP-9" }));
        Assert.Equal(0, await CountAsync(partnerKey, new { tier = "ADVANCED" }));
        Assert.Equal(1, await CountAsync(partnerKey, new { validForDays = 300 }));
        Assert.True(await CountAsync(partnerKey, new { validForDays = 400 }) == 0, "the credential expires within 400 days");

        var log = await LogAsync(graphQl, shown.Key, "partnerAccessLog");
        Assert.NotEmpty(log);
        Assert.All(log, e => Assert.Equal(partnerId, e.GetProperty("partnerId").GetString()));
        Assert.Contains(log, e => e.GetProperty("kind").GetString() == "SAW_IN_TALENT_SEARCH");
        Assert.Empty(await LogAsync(graphQl, hidden.Key, "partnerAccessLog"));
        Assert.Empty(await LogAsync(graphQl, elsewhere.Key, "partnerAccessLog"));

        var message = "We are hiring SREs in Munich; would you talk to us?";
        Assert.True((await graphQl.DataAsync("mutation($h: String!, $m: String!) { contactTalent(handle: $h, message: $m) }",
            new { h = match.GetProperty("handle").GetString(), m = message }, partnerKey)).GetProperty("contactTalent").GetBoolean());
        var received = Assert.Single(await LogAsync(graphQl, shown.Key, "partnerMessages"));
        Assert.Equal(message, received.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_follows_the_credential_suspended_reinstated_and_revoked_and_competency_consent_hides_the_credential_name()
    {
        var graphQl = server.GraphQl;
        var (program, definition) = await PartnerScenario.ProgramAsync(graphQl, tier: "ADVANCED");
        var (partnerId, partnerKey) = await PartnerScenario.RegisterAsync(graphQl);
        var holder = await PartnerScenario.HolderAsync(program, definition);
        await PartnerScenario.DiscoverableAsync(graphQl, holder.Key, new { competencyCodes = new[] { "INC-1" }, showName = false });
        await PartnerScenario.GrantAsync(program, partnerId, server.Now.AddDays(30), "talent:search");

        var match = Assert.Single((await PartnerScenario.SearchAsync(graphQl, partnerKey)).GetProperty("nodes").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, match.GetProperty("name").ValueKind);
        Assert.False(match.GetProperty("canContact").GetBoolean());
        var credential = Assert.Single(match.GetProperty("credentials").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, credential.GetProperty("achievementName").ValueKind);
        Assert.Equal(JsonValueKind.Null, credential.GetProperty("tier").ValueKind);
        Assert.Equal(["INC-1"], credential.GetProperty("competencies").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.True(await CountAsync(partnerKey, new { credentialDefinitionId = definition }) == 0, "an undisclosed credential is never matched by name");
        Assert.True(await CountAsync(partnerKey, new { competencyCode = "OBS-1" }) == 0, "only the consented competency is searchable");

        await program.AdminAsync("mutation($id: ID!) { suspendCredential(id: $id, reason: \"Under review\") { status } }", new { id = holder.CredentialId });
        Assert.Equal(0, await CountAsync(partnerKey, null));
        await program.AdminAsync("mutation($id: ID!) { unsuspendCredential(id: $id, reason: \"Cleared\") { status } }", new { id = holder.CredentialId });
        Assert.Equal(1, await CountAsync(partnerKey, null));
        await program.AdminAsync("mutation($id: ID!) { revokeCredential(id: $id, reason: \"Misconduct\") { status } }", new { id = holder.CredentialId });
        Assert.Equal(0, await CountAsync(partnerKey, null));
    }

    private async Task<int> CountAsync(string partnerKey, object? filter) =>
        (await PartnerScenario.SearchAsync(server.GraphQl, partnerKey, filter)).GetProperty("totalCount").GetInt32();

    private static async Task<string> LearnerNameAsync(ProgramScenario program, string learnerId) =>
        (await program.AdminAsync("query($id: ID!) { learner(id: $id) { name } }", new { id = learnerId })).GetProperty("learner").GetProperty("name").GetString()!;

    private static async Task<List<JsonElement>> LogAsync(GraphQlClient graphQl, string learnerKey, string field) =>
        (await graphQl.DataAsync($"{{ {field}(first: 50) {{ nodes {{ partnerId partnerName kind detail at }} }} }}", key: learnerKey))
            .GetProperty(field).GetProperty("nodes").EnumerateArray().ToList();
}
