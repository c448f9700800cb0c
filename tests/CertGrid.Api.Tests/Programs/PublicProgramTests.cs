namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Items 4 and 9: rubrics with exemplars, and the public program page — published frameworks, credentials, rubrics,
/// scoring methodology and policies — readable without a key, with nothing unpublished or private in it.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class PublicProgramTests(ProgramServerFixture server)
{
    private const string PublicProgram = """
        query($c: ID!) { publicProgram(communityId: $c) {
          community { id name defaultLanguage }
          frameworks { id name version versions { version status createdBy publishedBy proposalId } competencies { code } levels { rank name } }
          credentials { id name tier frameworkVersion status scoringMethodology requirements { prerequisiteIds }
            rubric { passThresholdPercent criteria { code weight competencyCodes levels { name points descriptor exemplars { title url resourceId description } } } }
            policy { sections { key configured lines } } }
          pathways { id name status componentCredentialIds } specialisations { id } } }
        """;

    [Fact]
    public async Task Anyone_reads_a_communitys_published_program_rubrics_exemplars_and_policies_without_a_key()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE")));
        await program.AdminAsync("mutation($id: ID!, $input: DefineFrameworkInput!) { reviseFramework(id: $id, input: $input) { version } }",
            new { id = frameworkId, input = ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")) });
        var resource = (await program.AdminAsync("mutation($input: CurateResourceInput!) { curateResource(input: $input) { resource { id } } }",
            new { input = new { title = "Exemplary SLO write-up", url = "https://example.org/slo", competencyCodes = new[] { "OBS-1" } } }))
            .GetProperty("curateResource").GetProperty("resource").GetProperty("id").GetString();
        var input = ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1"), ("C2", "INC-1"));
        input["criteria"] = new[]
        {
            ProgramScenario.Criterion("C1", "OBS-1", new { title = "An SLO document at the top level", url = "https://example.org/exemplars/slo.pdf", description = "Note the error budget policy." }),
            ProgramScenario.Criterion("C2", "INC-1", new { title = "Incident timeline", resourceId = resource }),
        };
        var published = await program.CredentialAsync(input);
        var draft = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "OBS-1")), publish: false);

        var page = (await program.GraphQl.DataAsync(PublicProgram, new { c = program.Id })).GetProperty("publicProgram");
        Assert.Equal(program.Id, page.GetProperty("community").GetProperty("id").GetString());
        Assert.Equal("en", page.GetProperty("community").GetProperty("defaultLanguage").GetString());

        // Frameworks: released versions only, without who did it or the proposals behind it.
        var framework = Assert.Single(page.GetProperty("frameworks").EnumerateArray());
        var version = Assert.Single(framework.GetProperty("versions").EnumerateArray());
        Assert.Equal(("1.0.0", "PUBLISHED", ""), (version.GetProperty("version").GetString(), version.GetProperty("status").GetString(), version.GetProperty("createdBy").GetString()));
        Assert.Equal(JsonValueKind.Null, version.GetProperty("publishedBy").ValueKind);
        Assert.Equal(5, framework.GetProperty("levels").GetArrayLength());

        // Credentials: published ones only, with the rubric, exemplars, scoring methodology and policy.
        var credential = Assert.Single(page.GetProperty("credentials").EnumerateArray());
        Assert.Equal(published, credential.GetProperty("id").GetString());
        Assert.DoesNotContain(page.GetProperty("credentials").EnumerateArray(), c => c.GetProperty("id").GetString() == draft);
        var criteria = credential.GetProperty("rubric").GetProperty("criteria");
        var exemplar = Assert.Single(criteria[0].GetProperty("levels")[2].GetProperty("exemplars").EnumerateArray());
        Assert.Equal(("An SLO document at the top level", "https://example.org/exemplars/slo.pdf"), (exemplar.GetProperty("title").GetString(), exemplar.GetProperty("url").GetString()));
        Assert.Equal(resource, criteria[1].GetProperty("levels")[2].GetProperty("exemplars")[0].GetProperty("resourceId").GetString());
        Assert.Equal([0, 2, 3], criteria[0].GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("points").GetInt32()));
        var methodology = credential.GetProperty("scoringMethodology").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Contains(methodology, l => l.Contains("60%", StringComparison.Ordinal));
        Assert.Contains(methodology, l => l.Contains("lower median", StringComparison.Ordinal));
        Assert.Equal(6, credential.GetProperty("policy").GetProperty("sections").GetArrayLength());

        // One credential and one framework on their own, also without a key; drafts and unknown communities are not found.
        var single = (await program.GraphQl.DataAsync("query($c: ID!, $id: ID!) { publicCredential(communityId: $c, id: $id) { name rubric { passThresholdPercent } policy { sections { key } } } }",
            new { c = program.Id, id = published })).GetProperty("publicCredential");
        Assert.Equal(60, single.GetProperty("rubric").GetProperty("passThresholdPercent").GetInt32());
        await program.GraphQl.ErrorAsync("NOT_FOUND", "query($c: ID!, $id: ID!) { publicCredential(communityId: $c, id: $id) { name } }", new { c = program.Id, id = draft });
        var publicFramework = (await program.GraphQl.DataAsync("query($c: ID!, $id: ID!) { publicFramework(communityId: $c, id: $id) { version versions { version } } }",
            new { c = program.Id, id = frameworkId })).GetProperty("publicFramework");
        Assert.Equal(1, publicFramework.GetProperty("versions").GetArrayLength());
        await program.GraphQl.ErrorAsync("NOT_FOUND", PublicProgram, new { c = "no-such-community" });
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", PublicProgram, new { c = "Not A Slug" });
    }

    [Fact]
    public async Task A_draft_framework_is_not_public_and_another_communitys_ids_resolve_to_nothing()
    {
        var (one, two) = (await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0), await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0));
        var draft = await one.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")), publish: false);
        var published = await one.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("INC-1", domain: "CORE")));
        await one.GraphQl.ErrorAsync("NOT_FOUND", "query($c: ID!, $id: ID!) { publicFramework(communityId: $c, id: $id) { id } }", new { c = one.Id, id = draft });
        await one.GraphQl.ErrorAsync("NOT_FOUND", "query($c: ID!, $id: ID!) { publicFramework(communityId: $c, id: $id) { id } }", new { c = two.Id, id = published });
        var page = (await one.GraphQl.DataAsync(PublicProgram, new { c = one.Id })).GetProperty("publicProgram");
        Assert.Equal([published], page.GetProperty("frameworks").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Empty((await one.GraphQl.DataAsync(PublicProgram, new { c = two.Id })).GetProperty("publicProgram").GetProperty("frameworks").EnumerateArray());

        // A learner of the community reads the published framework too, but not the draft's versions.
        var learner = await one.EnrolAsync();
        await one.GraphQl.ErrorAsync("NOT_FOUND", "query($id: ID!) { framework(id: $id) { id } }", new { id = draft }, learner.Key);
    }
}
