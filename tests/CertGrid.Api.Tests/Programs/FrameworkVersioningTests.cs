namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Item 1: a framework revised twice, with credentials defined and issued under each version. Published versions
/// never change, every definition and issued credential stays pinned to the version it was assessed against, and
/// any two versions can be diffed.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class FrameworkVersioningTests(ProgramServerFixture server)
{
    private const string Revise = "mutation($id: ID!, $input: DefineFrameworkInput!, $bump: VersionBump) { reviseFramework(id: $id, input: $input, bump: $bump) { version versions { version status basedOn changeNote } } }";

    [Fact]
    public async Task A_framework_revised_twice_keeps_every_issued_credential_pinned_to_the_version_it_was_assessed_against()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl);
        object[] v1 = [ProgramScenario.Competency("OBS-1", "Observability", "CORE"), ProgramScenario.Competency("INC-1", "Incident response", "CORE")];
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(v1));

        // Version 1.0.0: a credential pinned to it, earned by a first learner.
        var foundations = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1"), ("C2", "INC-1")));
        var first = await program.EnrolAsync();
        var firstCredential = await program.EarnAsync(first.Key, foundations, "C1", "C2");

        // Version 1.1.0: a competency renamed and one added (minor), then published; a credential pinned to it.
        object[] v2 = [ProgramScenario.Competency("OBS-1", "Observability and monitoring", "CORE"), ProgramScenario.Competency("INC-1", "Incident response", "CORE"), ProgramScenario.Competency("CAP-1", "Capacity planning", "CORE")];
        var revised = (await program.AdminAsync(Revise, new { id = frameworkId, input = WithNote(ProgramScenario.FrameworkInput(v2), "Adds capacity planning.") })).GetProperty("reviseFramework");
        Assert.Equal("1.1.0", revised.GetProperty("versions")[1].GetProperty("version").GetString());
        Assert.Equal("1.0.0", revised.GetProperty("version").GetString());
        await program.AdminAsync("mutation($id: ID!) { publishFramework(id: $id) { version } }", new { id = frameworkId });
        var capacity = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "OBS-1"), ("C2", "CAP-1")));
        var second = await program.EnrolAsync();
        var secondCredential = await program.EarnAsync(second.Key, capacity, "C1", "C2");

        // Version 2.0.0: incident response removed (major), published; a credential pinned to it.
        object[] v3 = [ProgramScenario.Competency("OBS-1", "Observability and monitoring", "CORE"), ProgramScenario.Competency("CAP-1", "Capacity planning", "CORE")];
        var major = (await program.AdminAsync(Revise, new { id = frameworkId, input = WithNote(ProgramScenario.FrameworkInput(v3), "Incident response moves to its own framework.") })).GetProperty("reviseFramework");
        Assert.Equal("2.0.0", major.GetProperty("versions")[2].GetProperty("version").GetString());
        await program.AdminAsync("mutation($id: ID!) { publishFramework(id: $id) { version } }", new { id = frameworkId });
        var third = await program.EnrolAsync();
        var modern = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "OBS-1"), ("C2", "CAP-1")));
        var thirdCredential = await program.EarnAsync(third.Key, modern, "C1", "C2");

        // A credential can no longer be defined against a competency the current version removed.
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($input: DefineCredentialInput!) { defineCredential(input: $input) { id } }",
            new { input = ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "INC-1")) }, program.AdminKey);

        // Each definition and each issued credential names the version it was assessed against, and its alignments come from that version.
        foreach (var (definition, credential, version, obsName) in new[]
        {
            (foundations, firstCredential, "1.0.0", "Observability"), (capacity, secondCredential, "1.1.0", "Observability and monitoring"), (modern, thirdCredential, "2.0.0", "Observability and monitoring"),
        })
        {
            var pinned = (await program.AdminAsync("query($id: ID!) { credentialDefinition(id: $id) { frameworkVersion } }", new { id = definition })).GetProperty("credentialDefinition");
            Assert.Equal(version, pinned.GetProperty("frameworkVersion").GetString());
            var issued = await program.IssuedAsync(credential);
            Assert.Equal(version, issued.GetProperty("frameworkVersion").GetString());
            var alignment = JsonDocument.Parse(issued.GetProperty("document").GetString()!).RootElement
                .GetProperty("credentialSubject").GetProperty("achievement").GetProperty("alignment").EnumerateArray();
            Assert.Contains(alignment, a => a.GetProperty("targetCode").GetString() == "OBS-1" && a.GetProperty("targetName").GetString() == obsName);
        }

        // The change log lists every version, and version 1.0.0 reads exactly as it was published.
        var framework = (await program.AdminAsync(
            "query($id: ID!) { framework(id: $id) { version versions { version status basedOn changeNote publishedAt } versionOf(version: \"1.0.0\") { competencies { code name } } } }",
            new { id = frameworkId })).GetProperty("framework");
        Assert.Equal("2.0.0", framework.GetProperty("version").GetString());
        Assert.Equal([("1.0.0", "PUBLISHED", (string?)null), ("1.1.0", "PUBLISHED", "1.0.0"), ("2.0.0", "PUBLISHED", "1.1.0")],
            framework.GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("version").GetString()!, v.GetProperty("status").GetString()!, v.GetProperty("basedOn").GetString())));
        Assert.Equal("Adds capacity planning.", framework.GetProperty("versions")[1].GetProperty("changeNote").GetString());
        Assert.Equal([("OBS-1", "Observability"), ("INC-1", "Incident response")],
            framework.GetProperty("versionOf").GetProperty("competencies").EnumerateArray().Select(c => (c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!)));

        // A published version never changes.
        await program.GraphQl.ErrorAsync("CONFLICT", "mutation($input: DefineFrameworkInput!) { defineFramework(input: $input) { id } }",
            new { input = new Dictionary<string, object?> { ["id"] = frameworkId, ["name"] = "Changed", ["competencies"] = v1 } }, program.AdminKey);
    }

    [Fact]
    public async Task Any_two_versions_can_be_diffed_and_the_diff_says_how_much_the_version_had_to_move()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", "Observability", "CORE"), ProgramScenario.Competency("INC-1", "Incidents", "CORE")));
        await program.AdminAsync(Revise, new { id = frameworkId, input = ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", "Observability!", "CORE"), ProgramScenario.Competency("INC-1", "Incidents", "CORE")) });
        await program.AdminAsync("mutation($id: ID!) { publishFramework(id: $id) { version } }", new { id = frameworkId });

        // Wording only is a patch; an admin may still ask for a bigger step.
        var drafted = (await program.AdminAsync(Revise, new
        {
            id = frameworkId, bump = "MINOR",
            input = ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", "Observability!", "CORE")),
        })).GetProperty("reviseFramework").GetProperty("versions");
        Assert.Equal(["1.0.0", "1.0.1", "2.0.0"], drafted.EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.Equal("DRAFT", drafted[2].GetProperty("status").GetString());

        var diffs = (await program.AdminAsync(
            "query($id: ID!) { framework(id: $id) { patch: diff(from: \"1.0.0\", to: \"1.0.1\") { requiredBump changes { element type code field impact summary } } " +
            "major: diff(from: \"1.0.1\", to: \"2.0.0\") { requiredBump changes { element type code } } back: diff(from: \"2.0.0\", to: \"1.0.0\") { requiredBump changes { type code } } } }",
            new { id = frameworkId })).GetProperty("framework");
        Assert.Equal("PATCH", diffs.GetProperty("patch").GetProperty("requiredBump").GetString());
        var rename = Assert.Single(diffs.GetProperty("patch").GetProperty("changes").EnumerateArray());
        Assert.Equal(("COMPETENCY", "CHANGED", "OBS-1", "name"), (rename.GetProperty("element").GetString(), rename.GetProperty("type").GetString(), rename.GetProperty("code").GetString(), rename.GetProperty("field").GetString()));
        Assert.Equal("MAJOR", diffs.GetProperty("major").GetProperty("requiredBump").GetString());
        Assert.Contains(diffs.GetProperty("major").GetProperty("changes").EnumerateArray(), c => c.GetProperty("type").GetString() == "REMOVED" && c.GetProperty("code").GetString() == "INC-1");
        Assert.Contains(diffs.GetProperty("back").GetProperty("changes").EnumerateArray(), c => c.GetProperty("type").GetString() == "ADDED" && c.GetProperty("code").GetString() == "INC-1");

        // Drafting the same content again is refused, and an unknown version is not found.
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", Revise, new { id = frameworkId, input = ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", "Observability!", "CORE"), ProgramScenario.Competency("INC-1", "Incidents", "CORE")) }, program.AdminKey);
        await program.GraphQl.ErrorAsync("NOT_FOUND", "query($id: ID!) { framework(id: $id) { diff(from: \"1.0.0\", to: \"9.9.9\") { requiredBump } } }", new { id = frameworkId }, program.AdminKey);
    }

    [Fact]
    public async Task Retiring_a_version_stops_new_attempts_against_it_but_leaves_issued_credentials_alone()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")));
        var credential = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")));
        var holder = await program.EnrolAsync();
        var issued = await program.EarnAsync(holder.Key, credential, "C1");

        await program.GraphQl.ErrorAsync("FORBIDDEN", "mutation($id: ID!) { retireFrameworkVersion(id: $id, version: \"1.0.0\", reason: \"Mine now.\") { version } }", new { id = frameworkId }, holder.Key);
        var retired = (await program.AdminAsync("mutation($id: ID!) { retireFrameworkVersion(id: $id, version: \"1.0.0\", reason: \"Superseded by the 2027 practice.\") { versions { status retiredAt retirementReason } } }",
            new { id = frameworkId })).GetProperty("retireFrameworkVersion").GetProperty("versions")[0];
        Assert.Equal("RETIRED", retired.GetProperty("status").GetString());

        var latecomer = await program.EnrolAsync();
        var artifact = await program.Community.UploadArtifactAsync(latecomer.Key);
        var refused = await program.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id } }",
            new { input = new { credentialDefinitionId = credential, artifactIds = new[] { artifact } } }, latecomer.Key);
        Assert.Contains("retired", refused.GetProperty("message").GetString());
        var still = await program.IssuedAsync(issued);
        Assert.Equal(("ACTIVE", "1.0.0"), (still.GetProperty("status").GetString(), still.GetProperty("frameworkVersion").GetString()));
    }

    private static Dictionary<string, object?> WithNote(object input, string note)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(input))!;
        map["changeNote"] = note;
        return map;
    }
}
