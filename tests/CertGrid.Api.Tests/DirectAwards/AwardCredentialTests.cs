using System.Text.Json.Nodes;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.DirectAwards;

/// <summary>
/// An admin (or the community's system with an admin key) awards a credential on completion of something outside CertGrid:
/// once per external id, only where the definition allows it, never across communities; the credential verifies like any other.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class AwardCredentialTests(SharedServerFixture server)
{
    [Fact]
    public async Task The_same_external_id_awards_one_credential_that_shows_its_provenance_and_verifies()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server);
        var (learnerId, email) = await scenario.EnrolAsync();
        var award = scenario.Award(learnerEmail: email.ToUpperInvariant(), evidence: 2);

        var first = await AwardAsync(scenario, award);
        Assert.Equal((learnerId, scenario.DefinitionId, "automatic", "automatic:moodle", "ACTIVE"), (first.GetProperty("learnerId").GetString(),
            first.GetProperty("credentialDefinitionId").GetString(), first.GetProperty("attemptId").GetString(), first.GetProperty("awardedThrough").GetString(), first.GetProperty("status").GetString()));
        var evidence = JsonDocument.Parse(first.GetProperty("document").GetString()!).RootElement.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(award["evidence"]!.AsArray().Select(e => e!["url"]!.GetValue<string>()), evidence.Select(e => e.GetProperty("id").GetString()));

        // Again, by email, and naming the learner by id instead: the same award, answered with the same credential.
        var again = await AwardAsync(scenario, award);
        var byId = await AwardAsync(scenario, Clone(award, a => { a["learnerEmail"] = null; a["learnerId"] = learnerId; }));
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("jwt").GetString(), byId.GetProperty("jwt").GetString());
        Assert.Single(await scenario.CredentialsAsync());

        var awarded = Assert.Single(await scenario.AuditAsync("credential.awarded"));
        Assert.StartsWith("admin:", awarded.GetProperty("actor").GetString());
        var details = JsonDocument.Parse(awarded.GetProperty("details").GetString()!).RootElement;
        Assert.Equal((award["externalId"]!.GetValue<string>(), "moodle"), (details.GetProperty("externalId").GetString(), details.GetProperty("source").GetString()));
        Assert.Contains("automatic:moodle", Assert.Single(await scenario.AuditAsync("credential.issued")).GetProperty("details").GetString());

        // It verifies like any other: CertGrid's verifier, and jose + ajv (1EdTech's schema) + the status list library.
        var verified = (await server.GraphQl.DataAsync("query($c: String!) { verifyCredential(credential: $c) { valid checks { name outcome } } }",
            new { c = first.GetProperty("jwt").GetString() })).GetProperty("verifyCredential");
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        var request = Path.GetTempFileName();
        await File.WriteAllTextAsync(request, JsonSerializer.Serialize(new { credentials = new[] { new { jwt = first.GetProperty("jwt").GetString(), expectRevoked = false, expectSuspended = false } } }));
        var run = await NodeScript.RunAsync("tests/interop/verify-credentials.mjs", request);
        File.Delete(request);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(JsonDocument.Parse(Assert.Single(run.Lines)).RootElement.GetProperty("ok").GetBoolean(), run.ToString());
    }

    [Fact]
    public async Task Another_award_under_a_used_external_id_is_a_conflict_and_changes_nothing()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server);
        var (_, email) = await scenario.EnrolAsync();
        var (_, otherEmail) = await scenario.EnrolAsync();
        var award = scenario.Award(learnerEmail: email);
        var first = await AwardAsync(scenario, award);

        foreach (var changed in new[]
        {
            Clone(award, a => a["learnerEmail"] = otherEmail),
            Clone(award, a => a["source"] = "events"),
            Clone(award, a => a["evidence"]![0]!["title"] = "Another certificate"),
            Clone(award, a => a["evidence"] = new JsonArray()),
        })
        {
            var error = await server.GraphQl.ErrorAsync("CONFLICT", DirectAwardScenario.AwardMutation, new { input = changed }, scenario.Community.AdminKey);
            Assert.Contains(award["externalId"]!.GetValue<string>(), error.GetProperty("message").GetString());
        }

        var credential = Assert.Single(await scenario.CredentialsAsync());
        Assert.Equal(first.GetProperty("learnerId").GetString(), credential.GetProperty("learnerId").GetString());
        Assert.Single(await scenario.AuditAsync("credential.awarded"));
    }

    [Fact]
    public async Task A_credential_that_does_not_allow_direct_award_is_refused_and_nothing_is_issued()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server, allowDirectAward: false);
        var (_, email) = await scenario.EnrolAsync();
        var definition = (await server.GraphQl.DataAsync("query($id: ID!) { credentialDefinition(id: $id) { allowsDirectAward } }", new { id = scenario.DefinitionId }, scenario.Community.AdminKey))
            .GetProperty("credentialDefinition");
        Assert.False(definition.GetProperty("allowsDirectAward").GetBoolean());

        var refused = await server.GraphQl.ErrorAsync("POLICY_VIOLATION", DirectAwardScenario.AwardMutation, new { input = scenario.Award(learnerEmail: email) }, scenario.Community.AdminKey);
        Assert.Contains("allowDirectAward", refused.GetProperty("message").GetString());
        var draft = await DirectAwardScenario.DefineAsync(scenario.Community, allowDirectAward: true, publish: false);
        var award = scenario.Award(learnerEmail: email);
        award["definitionId"] = draft;
        await server.GraphQl.ErrorAsync("POLICY_VIOLATION", DirectAwardScenario.AwardMutation, new { input = award }, scenario.Community.AdminKey);

        Assert.Empty(await scenario.CredentialsAsync());
        Assert.Empty(await scenario.AuditAsync("credential.awarded"));
        Assert.Single(await scenario.AuditAsync("credential.defined"), e => e.GetProperty("details").GetString()!.Contains("\"allowsDirectAward\":true"));
    }

    [Fact]
    public async Task A_published_credential_is_switched_to_direct_award_and_back_unless_a_committee_governs_it()
    {
        const string Set = "mutation($id: ID!, $allowed: Boolean!) { setDirectAwardPolicy(id: $id, allowed: $allowed) { allowsDirectAward status } }";
        var scenario = await DirectAwardScenario.CreateAsync(server, allowDirectAward: false);
        var (_, email) = await scenario.EnrolAsync();
        var award = scenario.Award(learnerEmail: email);
        await server.GraphQl.ErrorAsync("POLICY_VIOLATION", DirectAwardScenario.AwardMutation, new { input = award }, scenario.Community.AdminKey);

        var allowed = (await server.GraphQl.DataAsync(Set, new { id = scenario.DefinitionId, allowed = true }, scenario.Community.AdminKey)).GetProperty("setDirectAwardPolicy");
        Assert.Equal((true, "PUBLISHED"), (allowed.GetProperty("allowsDirectAward").GetBoolean(), allowed.GetProperty("status").GetString()));
        var first = await AwardAsync(scenario, award);

        await server.GraphQl.DataAsync(Set, new { id = scenario.DefinitionId, allowed = false }, scenario.Community.AdminKey);
        await server.GraphQl.DataAsync(Set, new { id = scenario.DefinitionId, allowed = false }, scenario.Community.AdminKey);
        await server.GraphQl.ErrorAsync("POLICY_VIOLATION", DirectAwardScenario.AwardMutation, new { input = scenario.Award(learnerEmail: email) }, scenario.Community.AdminKey);
        Assert.Equal(first.GetProperty("id").GetString(), (await AwardAsync(scenario, award)).GetProperty("id").GetString());
        Assert.Single(await scenario.CredentialsAsync());
        Assert.Equal([false, true], (await scenario.AuditAsync("credential.direct-award-set"))
            .Select(e => JsonDocument.Parse(e.GetProperty("details").GetString()!).RootElement.GetProperty("allowsDirectAward").GetBoolean()).Order());

        // With a steering committee, a published credential's policy is approved with a definition, not switched here.
        await server.GraphQl.DataAsync("mutation { configureGovernance(input: { quorum: 2 }) { enabled } }", key: scenario.Community.AdminKey);
        var governed = await server.GraphQl.ErrorAsync("POLICY_VIOLATION", Set, new { id = scenario.DefinitionId, allowed = true }, scenario.Community.AdminKey);
        Assert.Contains("steering committee", governed.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_community_awards_only_its_own_credentials_to_its_own_learners()
    {
        var ours = await DirectAwardScenario.CreateAsync(server);
        var theirs = await DirectAwardScenario.CreateAsync(server);
        var (ourLearner, ourEmail) = await ours.EnrolAsync();
        var (theirLearner, theirEmail) = await theirs.EnrolAsync();
        var externalId = $"shared-course/{Guid.NewGuid():N}";

        // Their admin cannot award our credential, nor their credential to our learner (by id or email): NOT_FOUND, nothing issued.
        await server.GraphQl.ErrorAsync("NOT_FOUND", DirectAwardScenario.AwardMutation, new { input = ours.Award(learnerId: theirLearner, externalId: externalId) }, theirs.Community.AdminKey);
        await server.GraphQl.ErrorAsync("NOT_FOUND", DirectAwardScenario.AwardMutation, new { input = theirs.Award(learnerId: ourLearner, externalId: externalId) }, theirs.Community.AdminKey);
        await server.GraphQl.ErrorAsync("NOT_FOUND", DirectAwardScenario.AwardMutation, new { input = theirs.Award(learnerEmail: ourEmail, externalId: externalId) }, theirs.Community.AdminKey);
        Assert.Empty(await ours.CredentialsAsync());
        Assert.Empty(await theirs.CredentialsAsync());

        // The same external id in each community is each community's own award.
        var our = await AwardAsync(ours, ours.Award(learnerEmail: ourEmail, externalId: externalId));
        var their = await AwardAsync(theirs, theirs.Award(learnerEmail: theirEmail, externalId: externalId));
        Assert.NotEqual(our.GetProperty("id").GetString(), their.GetProperty("id").GetString());

        // Only admins award: a learner's key is refused.
        var learnerKey = await ours.Community.IssueKeyAsync("LEARNER", ourLearner);
        await server.GraphQl.ErrorAsync("FORBIDDEN", DirectAwardScenario.AwardMutation, new { input = ours.Award(learnerId: ourLearner) }, learnerKey);
        Assert.Single(await ours.CredentialsAsync());
    }

    [Fact]
    public async Task An_erased_holder_is_not_awarded_again_under_the_same_external_id()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server);
        var (learnerId, email) = await scenario.EnrolAsync();
        var byId = scenario.Award(learnerId: learnerId);
        var byEmail = Clone(byId, a => { a["learnerId"] = null; a["learnerEmail"] = email; });
        var credentialId = (await AwardAsync(scenario, byId)).GetProperty("id").GetString();

        // The erasure reaches the credential (revoked, its holder's data gone) while the award may be sent again meanwhile.
        await server.GraphQl.DataAsync("mutation($id: ID) { eraseLearner(learnerId: $id) { erasedAt } }", new { id = learnerId }, scenario.Community.AdminKey);
        string? status = null;
        for (var waited = 0; waited < 150 && status != "REVOKED"; waited++)
        {
            await Task.Delay(200);
            status = (await server.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { status } }", new { id = credentialId }, scenario.Community.AdminKey))
                .GetProperty("credential").GetProperty("status").GetString();
        }

        Assert.Equal("REVOKED", status);
        var refused = await server.GraphQl.ErrorAsync("CONFLICT", DirectAwardScenario.AwardMutation, new { input = byId }, scenario.Community.AdminKey);
        Assert.Contains("erased", refused.GetProperty("message").GetString());
        await server.GraphQl.ErrorAsync("NOT_FOUND", DirectAwardScenario.AwardMutation, new { input = byEmail }, scenario.Community.AdminKey);
        await server.GraphQl.ErrorAsync("NOT_FOUND", DirectAwardScenario.AwardMutation, new { input = scenario.Award(learnerId: learnerId) }, scenario.Community.AdminKey);
        Assert.Single(await scenario.CredentialsAsync());
        Assert.Single(await scenario.AuditAsync("credential.issued"));
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_what_is_accepted()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server);
        var (learnerId, email) = await scenario.EnrolAsync();

        var both = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", DirectAwardScenario.AwardMutation, new { input = scenario.Award(learnerEmail: email, learnerId: learnerId) }, scenario.Community.AdminKey);
        Assert.Contains("exactly one", both.GetProperty("message").GetString());
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", DirectAwardScenario.AwardMutation, new { input = scenario.Award(learnerEmail: email, source: "my lms") }, scenario.Community.AdminKey);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", DirectAwardScenario.AwardMutation, new { input = Clone(scenario.Award(learnerEmail: email), a => a["evidence"]![0]!["url"] = "javascript:alert(1)") }, scenario.Community.AdminKey);
        await server.GraphQl.ErrorAsync("NOT_FOUND", DirectAwardScenario.AwardMutation, new { input = scenario.Award(learnerEmail: "nobody." + email) }, scenario.Community.AdminKey);
        Assert.Empty(await scenario.CredentialsAsync());
    }

    private async Task<JsonElement> AwardAsync(DirectAwardScenario scenario, JsonObject award) =>
        (await server.GraphQl.DataAsync(DirectAwardScenario.AwardMutation, new { input = award }, scenario.Community.AdminKey)).GetProperty("awardCredential");

    private static JsonObject Clone(JsonObject award, Action<JsonObject> change)
    {
        var copy = award.DeepClone().AsObject();
        change(copy);
        return copy;
    }
}
