using System.Globalization;

namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Item 8: one query gives a learner, for each credential pursued, the requirements met and missing, competency
/// levels demonstrated, attempts and feedback, the next eligible date, upcoming deadlines and recommended
/// resources curated by contributors.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class LearnerProgressTests(ProgramServerFixture server)
{
    private const string Query = """
        query($ids: [ID!], $l: String) { learnerProgress(credentialIds: $ids, language: $l) { learnerId learnerName competencies { code percent }
          credentials { credentialDefinitionId name tier status heldCredentialId nextEligibleAt nextEligibleNote
            requirementsMet { key } requirementsMissing { key detail metFrom }
            competencies { code gap demonstrated { rubricLevel percent proficiency } }
            attempts { status feedback { percent passed overallNote criteria { criterionCode level note } } }
            deadlines { kind at } recommendedResources { id title } } } }
        """;

    [Fact]
    public async Task One_query_tells_a_learner_where_they_stand_on_every_credential_they_pursue()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(
            ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE"), ProgramScenario.Competency("CAP-1", domain: "CORE")));
        var foundations = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")));
        var capacity = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "CAP-1")));
        var advancedInput = ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "INC-1"), ("C2", "CAP-1"));
        advancedInput["requirements"] = new { prerequisiteIds = new[] { foundations }, minimumDaysEnrolled = 30 };
        advancedInput["nameTranslations"] = new[] { new { language = "fr", text = "Fiabilité avancée" } };
        var advanced = await program.CredentialAsync(advancedInput);

        // Contributors curate resources; one is withdrawn and never recommended.
        var holder = await program.EnrolAsync();
        await program.EarnAsync(holder.Key, foundations, "C1");
        var capacityGuide = await Curate(program, holder.Key, "Capacity planning guide", ["CAP-1"]);
        var incidentGuide = await Curate(program, program.AdminKey, "Incident command handbook", ["INC-1"]);
        var withdrawn = await Curate(program, program.AdminKey, "Old capacity notes", ["CAP-1"]);
        await program.AdminAsync("mutation($id: ID!) { withdrawResource(resourceId: $id) { published } }", new { id = withdrawn });

        // The learner earns foundations, fails the micro-credential once, and joins a cohort with a window for the advanced one.
        var learner = await program.EnrolAsync();
        await program.EarnAsync(learner.Key, foundations, "C1");
        await program.AssessAsync(learner.Key, capacity, ProgramScenario.Fail, ["C1"], note: "Forecast the next quarter, not the last.");
        var cohort = (await program.AdminAsync("mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }", new
        {
            input = new
            {
                name = "Advanced track", startsOn = Date(server.Today), endsOn = Date(server.Today.AddDays(120)), credentialDefinitionIds = new[] { advanced },
                assessmentWindows = new[] { new { name = "Spring window", opens = server.Now.AddDays(45), closes = server.Now.AddDays(52) } },
            },
        })).GetProperty("createCohort").GetProperty("id").GetString();
        await program.AdminAsync("mutation($id: ID!, $l: [ID!]!) { addCohortMembers(cohortId: $id, learnerIds: $l) { id } }", new { id = cohort, l = new[] { learner.Id } });

        var progress = (await program.GraphQl.DataAsync(Query, new { ids = Array.Empty<string>() }, learner.Key)).GetProperty("learnerProgress");
        var credentials = progress.GetProperty("credentials").EnumerateArray().ToDictionary(c => c.GetProperty("credentialDefinitionId").GetString()!);
        Assert.Equal(new[] { foundations, capacity, advanced }.Order(), credentials.Keys.Order());

        // Held: certified, with the competency level shown and its expiry as a deadline; nothing to recommend.
        var held = credentials[foundations];
        Assert.Equal("CERTIFIED", held.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, held.GetProperty("heldCredentialId").ValueKind);
        var obs = Assert.Single(held.GetProperty("competencies").EnumerateArray());
        Assert.Equal((false, 100, "Expert"), (obs.GetProperty("gap").GetBoolean(), obs.GetProperty("demonstrated").GetProperty("percent").GetInt32(), obs.GetProperty("demonstrated").GetProperty("proficiency").GetString()));
        Assert.Equal("credential-expires", Assert.Single(held.GetProperty("deadlines").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Empty(held.GetProperty("recommendedResources").EnumerateArray());

        // Failed once: the attempt with anonymised feedback, eligible again now (no retake policy yet), resources for the gap.
        var failed = credentials[capacity];
        Assert.Equal("READY_TO_ATTEMPT", failed.GetProperty("status").GetString());
        var attempt = Assert.Single(failed.GetProperty("attempts").EnumerateArray());
        Assert.Equal("FAILED", attempt.GetProperty("status").GetString());
        Assert.Equal(2, attempt.GetProperty("feedback").GetArrayLength());
        Assert.All(attempt.GetProperty("feedback").EnumerateArray(), f =>
        {
            Assert.Equal("Forecast the next quarter, not the last.", f.GetProperty("overallNote").GetString());
            Assert.Equal(("C1", "Not yet"), (f.GetProperty("criteria")[0].GetProperty("criterionCode").GetString(), f.GetProperty("criteria")[0].GetProperty("level").GetString()));
        });
        Assert.Equal(server.Now, failed.GetProperty("nextEligibleAt").GetDateTimeOffset());
        Assert.Equal([capacityGuide], failed.GetProperty("recommendedResources").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        // Pursued through the cohort: the prerequisite met, the time enrolled and the window still to come, gaps to close.
        var next = credentials[advanced];
        Assert.Equal("NOT_YET_ELIGIBLE", next.GetProperty("status").GetString());
        Assert.Equal([$"prerequisite:{foundations}"], next.GetProperty("requirementsMet").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(["assessment-window", "enrolment-period"], next.GetProperty("requirementsMissing").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Order());
        Assert.Equal(server.Now.AddDays(45), next.GetProperty("nextEligibleAt").GetDateTimeOffset());
        Assert.Equal(["window-opens", "cohort-ends"], next.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("kind").GetString()));
        Assert.All(next.GetProperty("competencies").EnumerateArray(), c => Assert.True(c.GetProperty("gap").GetBoolean()));
        Assert.Equal(new[] { capacityGuide, incidentGuide }.Order(), next.GetProperty("recommendedResources").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order());
        Assert.Equal(["OBS-1"], progress.GetProperty("competencies").EnumerateArray().Select(c => c.GetProperty("code").GetString()));

        // In French where translated; admins read any learner's progress; other learners cannot.
        var french = (await program.GraphQl.DataAsync(Query, new { ids = new[] { advanced }, l = "fr" }, learner.Key)).GetProperty("learnerProgress");
        Assert.Contains(french.GetProperty("credentials").EnumerateArray(), c => c.GetProperty("name").GetString() == "Fiabilité avancée");
        var asAdmin = (await program.AdminAsync("query($id: ID) { learnerProgress(learnerId: $id) { learnerId credentials { status } } }", new { id = learner.Id })).GetProperty("learnerProgress");
        Assert.Equal(3, asAdmin.GetProperty("credentials").GetArrayLength());
        await program.GraphQl.ErrorAsync("FORBIDDEN", "query($id: ID) { learnerProgress(learnerId: $id) { learnerId } }", new { id = learner.Id }, holder.Key);

        // A month and a half later the window is open and the learner may attempt it.
        server.Clock.Advance(TimeSpan.FromDays(46));
        var later = (await program.GraphQl.DataAsync(Query, new { ids = new[] { advanced } }, learner.Key)).GetProperty("learnerProgress")
            .GetProperty("credentials").EnumerateArray().Single(c => c.GetProperty("credentialDefinitionId").GetString() == advanced);
        Assert.Equal("READY_TO_ATTEMPT", later.GetProperty("status").GetString());
        Assert.Equal("window-closes", later.GetProperty("deadlines")[0].GetProperty("kind").GetString());
    }

    private static async Task<string> Curate(ProgramScenario program, string key, string title, string[] competencies) =>
        (await program.GraphQl.DataAsync("mutation($input: CurateResourceInput!) { curateResource(input: $input) { resource { id } } }",
            new { input = new { title, url = $"https://example.org/{Guid.NewGuid():N}", competencyCodes = competencies } }, key))
            .GetProperty("curateResource").GetProperty("resource").GetProperty("id").GetString()!;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
