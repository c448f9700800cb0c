namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Item 3: tiered credentials with prerequisites and eligibility rules enforced when an attempt is submitted,
/// stackable pathways that award their credential automatically, specialisation tracks, and the policy document
/// published with each credential.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class CredentialStructureTests(ProgramServerFixture server)
{
    private const string Submit = "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id } }";

    [Fact]
    public async Task Prerequisites_must_be_held_and_valid_when_an_attempt_is_submitted()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE")));
        var foundations = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")));
        var advancedInput = ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "INC-1"));
        advancedInput["requirements"] = new { prerequisiteIds = new[] { foundations }, minimumDaysEnrolled = 14 };
        var advanced = await program.CredentialAsync(advancedInput);

        var learner = await program.EnrolAsync();
        var artifact = await program.Community.UploadArtifactAsync(learner.Key);
        var refused = await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Submit, new { input = new { credentialDefinitionId = advanced, artifactIds = new[] { artifact } } }, learner.Key);
        Assert.Contains("Earn '", refused.GetProperty("message").GetString());
        Assert.Contains("14 days", refused.GetProperty("message").GetString());

        var held = await program.EarnAsync(learner.Key, foundations, "C1");
        Assert.Contains("14 days", (await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Submit, new { input = new { credentialDefinitionId = advanced, artifactIds = new[] { artifact } } }, learner.Key))
            .GetProperty("message").GetString());
        server.Clock.Advance(TimeSpan.FromDays(15));
        await program.GraphQl.DataAsync(Submit, new { input = new { credentialDefinitionId = advanced, artifactIds = new[] { artifact } } }, learner.Key);

        // Once the prerequisite is suspended, it no longer counts.
        var other = await program.EnrolAsync();
        var otherHeld = await program.EarnAsync(other.Key, foundations, "C1");
        server.Clock.Advance(TimeSpan.FromDays(15));
        await program.AdminAsync("mutation($id: ID!) { suspendCredential(id: $id, reason: \"Under investigation.\") { status } }", new { id = otherHeld });
        var otherArtifact = await program.Community.UploadArtifactAsync(other.Key);
        Assert.Contains("not valid", (await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Submit,
            new { input = new { credentialDefinitionId = advanced, artifactIds = new[] { otherArtifact } } }, other.Key)).GetProperty("message").GetString());
        Assert.NotEqual(held, otherHeld);

        // A prerequisite must itself be published before the credential that requires it.
        var draftPrerequisite = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")), publish: false);
        var dependent = ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "INC-1"));
        dependent["requirements"] = new { prerequisiteIds = new[] { draftPrerequisite } };
        var dependentId = await program.CredentialAsync(dependent, publish: false);
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($id: ID!) { publishCredential(id: $id) { status } }", new { id = dependentId }, program.AdminKey);
        dependent["requirements"] = new { prerequisiteIds = new[] { "def_doesnotexist0000000" } };
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($input: DefineCredentialInput!) { defineCredential(input: $input) { id } }", new { input = dependent }, program.AdminKey);
    }

    [Fact]
    public async Task Earning_every_micro_credential_of_a_pathway_awards_the_credential_they_stack_into_once_and_audited()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(
            ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE"), ProgramScenario.Competency("AUT-1", domain: "CORE")));
        var micro = new[]
        {
            await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "OBS-1"))),
            await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "INC-1"))),
            await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "AUT-1"))),
        };
        var target = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "OBS-1"), ("C2", "INC-1"), ("C3", "AUT-1")));
        var foundations = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")));

        // Only published micro-credentials stack; the pathway awards once active.
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($id: ID!) { activatePathway(id: $id) { status } }",
            new { id = await DefinePathway(program, target, [micro[0], foundations]) }, program.AdminKey);
        var pathwayId = await DefinePathway(program, target, micro);
        var active = (await program.AdminAsync("mutation($id: ID!) { activatePathway(id: $id) { status activatedAt } }", new { id = pathwayId })).GetProperty("activatePathway");
        Assert.Equal("ACTIVE", active.GetProperty("status").GetString());

        var learner = await program.EnrolAsync();
        var components = new List<string>();
        foreach (var credential in micro)
        {
            Assert.DoesNotContain(await HeldDefinitions(program, learner.Id), d => d == target);
            components.Add(await program.EarnAsync(learner.Key, credential, "C1"));
        }

        // The third component completed the pathway: the stacked credential was issued automatically.
        var held = await Held(program, learner.Id);
        var stacked = Assert.Single(held, c => c.GetProperty("credentialDefinitionId").GetString() == target);
        var issued = await program.IssuedAsync(stacked.GetProperty("id").GetString()!);
        Assert.Equal($"pathway:{pathwayId}", issued.GetProperty("awardedThrough").GetString());
        var evidence = JsonDocument.Parse(issued.GetProperty("document").GetString()!).RootElement.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(components.Order(), evidence.Select(url => url[(url.LastIndexOf('/') + 1)..]).Order());
        var verification = (await program.GraphQl.DataAsync("query($c: String!) { verifyCredential(credential: $c) { valid } }", new { c = issued.GetProperty("id").GetString() is { } id ? $"{server.Cluster.PublicBaseUrl.ToString().TrimEnd('/')}/c/{program.Id}/credentials/{id}" : null }))
            .GetProperty("verifyCredential");
        Assert.True(verification.GetProperty("valid").GetBoolean());

        // Earning a component again never awards twice; the issuance is audited as an automatic award.
        var again = await program.EnrolAsync();
        await program.EarnAsync(learner.Key, micro[0], "C1");
        Assert.Single(await Held(program, learner.Id), c => c.GetProperty("credentialDefinitionId").GetString() == target);
        Assert.DoesNotContain(await HeldDefinitions(program, again.Id), d => d == target);
        var awarded = (await program.AuditAsync()).Where(x => x.GetProperty("action").GetString() == "credential.issued" && x.GetProperty("details").GetString()!.Contains($"pathway:{pathwayId}", StringComparison.Ordinal)).ToList();
        Assert.Single(awarded);
        Assert.Equal("system", awarded[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_specialisation_track_credential_must_assess_the_shared_core_and_its_track()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(
            ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE"), ProgramScenario.Competency("CAP-1", domain: "CORE"), ProgramScenario.Competency("AUT-1", domain: "CORE")));
        var specialisation = (await program.AdminAsync("mutation($input: DefineSpecialisationInput!) { defineSpecialisation(input: $input) { id tracks { code competencyCodes } coreCompetencyCodes } }", new
        {
            input = new
            {
                name = "Platform engineering", frameworkId, coreCompetencyCodes = new[] { "OBS-1", "INC-1" },
                tracks = new[] { new { code = "CAP", name = "Capacity", competencyCodes = new[] { "CAP-1" } }, new { code = "AUT", name = "Automation", competencyCodes = new[] { "AUT-1" } } },
            },
        })).GetProperty("defineSpecialisation");
        var specialisationId = specialisation.GetProperty("id").GetString();
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($input: DefineSpecialisationInput!) { defineSpecialisation(input: $input) { id } }",
            new { input = new { name = "Bad", frameworkId, coreCompetencyCodes = new[] { "OBS-1" }, tracks = new[] { new { code = "X", name = "X", competencyCodes = new[] { "OBS-1" } } } } }, program.AdminKey);

        var missingCore = ProgramScenario.CredentialInput(frameworkId, "SPECIALISATION", ("C1", "OBS-1"), ("C2", "CAP-1"));
        missingCore["track"] = new { specialisationId, trackCode = "CAP" };
        Assert.Contains("INC-1", (await program.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($input: DefineCredentialInput!) { defineCredential(input: $input) { id } }",
            new { input = missingCore }, program.AdminKey)).GetProperty("message").GetString());

        var capacity = ProgramScenario.CredentialInput(frameworkId, "SPECIALISATION", ("C1", "OBS-1"), ("C2", "INC-1"), ("C3", "CAP-1"));
        capacity["track"] = new { specialisationId, trackCode = "CAP" };
        var id = await program.CredentialAsync(capacity);
        var published = (await program.AdminAsync("query($id: ID!) { credentialDefinition(id: $id) { track { trackCode } policy { sections { key lines } } } }", new { id })).GetProperty("credentialDefinition");
        Assert.Equal("CAP", published.GetProperty("track").GetProperty("trackCode").GetString());
        Assert.Contains(published.GetProperty("policy").GetProperty("sections")[0].GetProperty("lines").EnumerateArray(), l => l.GetString()!.Contains("Platform engineering: Capacity", StringComparison.Ordinal));

        var foundational = ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1"), ("C2", "INC-1"), ("C3", "CAP-1"));
        foundational["track"] = new { specialisationId, trackCode = "CAP" };
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($input: DefineCredentialInput!) { defineCredential(input: $input) { id } }", new { input = foundational }, program.AdminKey);
    }

    [Fact]
    public async Task The_policy_document_is_generated_from_the_configuration_and_published_with_the_credential()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE")));
        var foundations = ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1"));
        foundations["name"] = "Reliability Foundations";
        var foundationsId = await program.CredentialAsync(foundations);
        var input = ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "INC-1"));
        input["requirements"] = new { prerequisiteIds = new[] { foundationsId }, minimumDaysEnrolled = 30, requiresCohort = true };
        input["validityDays"] = 730;
        input["evaluatorsPerAttempt"] = 3;
        var id = await program.CredentialAsync(input, publish: false);

        var draft = (await program.AdminAsync("query($id: ID!) { credentialDefinition(id: $id) { policy { generatedAt } } }", new { id })).GetProperty("credentialDefinition");
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("policy").ValueKind);
        var policy = (await program.AdminAsync("mutation($id: ID!) { publishCredential(id: $id) { policy { sections { key title configured lines } markdown } } }", new { id }))
            .GetProperty("publishCredential").GetProperty("policy");
        var sections = policy.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s);
        Assert.Equal(["eligibility", "timelines", "retakes", "lifespan", "renewal", "appeals"], sections.Keys);
        string Lines(string key) => string.Join(" ", sections[key].GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("Reliability Foundations", Lines("eligibility"));
        Assert.Contains("30 days", Lines("eligibility"));
        Assert.Contains("cohort", Lines("eligibility"));
        Assert.Contains("3 independent evaluators", Lines("timelines"));
        Assert.Contains("version 1.0.0", Lines("timelines"));
        Assert.Contains("730 days", Lines("lifespan"));
        Assert.Contains("not limited", Lines("retakes"));
        Assert.Contains("within 30 days", Lines("appeals"));
        Assert.False(sections["renewal"].GetProperty("configured").GetBoolean());
        Assert.StartsWith("Not configured", Lines("renewal"), StringComparison.Ordinal);
        Assert.Contains("## Retake options", policy.GetProperty("markdown").GetString());

        // The published document follows the policies set afterwards.
        await program.AdminAsync("mutation($id: ID!) { setAssessmentPolicy(credentialId: $id, input: { appealWindowDays: 14, retake: { maxAttemptsPerPeriod: 2, periodDays: 365, cooldownDaysAfterFail: 21 } }) { appealWindowDays } }", new { id });
        await program.AdminAsync("mutation($id: ID!) { setLifespanPolicy(credentialDefinitionId: $id, input: { renewalWindowDays: 90, creditsPerCycle: 20, categoryMinimums: [{ category: \"ethics\", credits: 5 }], evidence: NONE, graceDays: 30, lapseAfterDays: 0, lapseAction: REVOKE }) { graceDays } }", new { id });
        var rewritten = (await program.AdminAsync("query($id: ID!) { credentialDefinition(id: $id) { policy { sections { key configured lines } } } }", new { id }))
            .GetProperty("credentialDefinition").GetProperty("policy").GetProperty("sections").EnumerateArray()
            .ToDictionary(s => s.GetProperty("key").GetString()!, s => string.Join(" ", s.GetProperty("lines").EnumerateArray().Select(l => l.GetString())));
        Assert.Contains("At most 2 attempts in any 365 days", rewritten["retakes"]);
        Assert.Contains("wait 21 days", rewritten["retakes"]);
        Assert.Contains("within 14 days", rewritten["appeals"]);
        Assert.Contains("20 continuing-education credits", rewritten["renewal"]);
        Assert.Contains("5 in ethics", rewritten["renewal"]);
        Assert.Contains("grace period of 30 days", rewritten["lifespan"]);
        Assert.Contains("revoked", rewritten["lifespan"]);
    }

    private static async Task<string> DefinePathway(ProgramScenario program, string target, IReadOnlyList<string> components) =>
        (await program.AdminAsync("mutation($input: DefinePathwayInput!) { definePathway(input: $input) { id status } }",
            new { input = new { name = "Reliability by steps", targetCredentialId = target, componentCredentialIds = components } }))
            .GetProperty("definePathway").GetProperty("id").GetString()!;

    private static async Task<IReadOnlyList<JsonElement>> Held(ProgramScenario program, string learnerId) =>
        (await program.AdminAsync("query($l: ID!) { credentials(learnerId: $l, first: 100) { nodes { id credentialDefinitionId status } } }", new { l = learnerId }))
            .GetProperty("credentials").GetProperty("nodes").EnumerateArray().ToList();

    private static async Task<IEnumerable<string>> HeldDefinitions(ProgramScenario program, string learnerId) =>
        (await Held(program, learnerId)).Select(c => c.GetProperty("credentialDefinitionId").GetString()!);
}
