using System.Globalization;

namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Item 6: a cohort runs learners through a program together — start and end, assessment windows, mentors,
/// members — with each member's progress per credential and competency and cohort statistics, read from the
/// cohort progress read model rather than from every member's grain.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class CohortTests(ProgramServerFixture server)
{
    private const string Progress = "query($id: ID!, $after: String) { cohort(id: $id) { progress(first: 4, after: $after) { nodes { learnerId name credentials { credentialDefinitionId attempts earnedAt } competencies { code percent proficiency } } hasNextPage endCursor } } }";

    [Fact]
    public async Task A_cohort_reports_each_members_progress_and_its_completion_and_median_time_to_certification()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE")));
        var observe = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "OBS-1")));
        var respond = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "INC-1")));
        var members = new List<(string Id, string Key)>();
        for (var i = 0; i < 6; i++)
        {
            members.Add(await program.EnrolAsync());
        }

        var start = server.Today;
        var mentor = await program.AddEvaluatorAsync();
        var cohort = (await program.AdminAsync("mutation($input: CreateCohortInput!) { createCohort(input: $input) { id assessmentWindows { name opens closes credentialIds } } }", new
        {
            input = new
            {
                name = "Autumn cohort", startsOn = Date(start), endsOn = Date(start.AddDays(90)), credentialDefinitionIds = new[] { observe, respond },
                assessmentWindows = new[] { new { name = "First window", opens = server.Now.AddHours(-1), closes = server.Now.AddDays(30), credentialIds = Array.Empty<string>() } },
            },
        })).GetProperty("createCohort");
        var cohortId = cohort.GetProperty("id").GetString()!;
        await program.AdminAsync("mutation($id: ID!, $l: [ID!]!) { addCohortMembers(cohortId: $id, learnerIds: $l) { id } }", new { id = cohortId, l = members.Select(m => m.Id).ToArray() });
        var withMentors = (await program.AdminAsync("mutation($id: ID!, $m: [String!]!) { addCohortMentors(cohortId: $id, mentors: $m) { mentors } }",
            new { id = cohortId, m = new[] { $"evaluator:{mentor.Id}", $"learner:{members[5].Id}" } })).GetProperty("addCohortMentors");
        Assert.Equal(2, withMentors.GetProperty("mentors").GetArrayLength());

        // Two members complete the cohort 10 and 20 days in; one earns half; one fails.
        // Members started when they joined (after the cohort's first day began), so their clocks run from then.
        var startedAt = server.Now;
        await program.EarnAsync(members[0].Key, observe, "C1");
        await program.EarnAsync(members[2].Key, observe, "C1");
        await program.AssessAsync(members[3].Key, observe, ProgramScenario.Fail, ["C1"]);
        server.Clock.Advance(TimeSpan.FromDays(10));
        await program.EarnAsync(members[0].Key, respond, "C1");
        var firstDays = (server.Now - startedAt).TotalDays;
        await program.EarnAsync(members[1].Key, observe, "C1");
        server.Clock.Advance(TimeSpan.FromDays(10));
        await program.EarnAsync(members[1].Key, respond, "C1");
        var secondDays = (server.Now - startedAt).TotalDays;

        // Progress, page by page, for every member: attempts and earned dates per credential, levels per competency.
        var rows = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = (await program.AdminAsync(Progress, new { id = cohortId, after })).GetProperty("cohort").GetProperty("progress");
            rows.AddRange(page.GetProperty("nodes").EnumerateArray());
            after = page.GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        Assert.Equal(members.Select(m => m.Id).Order(), rows.Select(r => r.GetProperty("learnerId").GetString()!).Order());
        JsonElement Row(int i) => rows.Single(r => r.GetProperty("learnerId").GetString() == members[i].Id);
        Assert.All(Row(0).GetProperty("credentials").EnumerateArray(), c => Assert.NotEqual(JsonValueKind.Null, c.GetProperty("earnedAt").ValueKind));
        Assert.Equal(["INC-1", "OBS-1"], Row(0).GetProperty("competencies").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal("Expert", Row(0).GetProperty("competencies")[0].GetProperty("proficiency").GetString());
        var failed = Row(3).GetProperty("credentials").EnumerateArray().Single(c => c.GetProperty("credentialDefinitionId").GetString() == observe);
        Assert.Equal((1, JsonValueKind.Null), (failed.GetProperty("attempts").GetInt32(), failed.GetProperty("earnedAt").ValueKind));
        Assert.Empty(Row(4).GetProperty("competencies").EnumerateArray());

        var statistics = (await program.AdminAsync("query($id: ID!) { cohort(id: $id) { statistics { members completed completionRate medianDaysToCertification credentials { credentialDefinitionId earned attempted } } } }",
            new { id = cohortId })).GetProperty("cohort").GetProperty("statistics");
        Assert.Equal((6, 2), (statistics.GetProperty("members").GetInt32(), statistics.GetProperty("completed").GetInt32()));
        Assert.Equal(2.0 / 6, statistics.GetProperty("completionRate").GetDouble(), 3);
        Assert.Equal((firstDays + secondDays) / 2, statistics.GetProperty("medianDaysToCertification").GetDouble(), 1);
        var observeStats = statistics.GetProperty("credentials").EnumerateArray().Single(c => c.GetProperty("credentialDefinitionId").GetString() == observe);
        Assert.Equal((3, 4), (observeStats.GetProperty("earned").GetInt32(), observeStats.GetProperty("attempted").GetInt32()));

        // After the cohort's only window closed, its members wait; a learner outside the cohort does not.
        server.Clock.Advance(TimeSpan.FromDays(15));
        var artifact = await program.Community.UploadArtifactAsync(members[4].Key);
        Assert.Contains("window", (await program.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id } }",
            new { input = new { credentialDefinitionId = observe, artifactIds = new[] { artifact } } }, members[4].Key)).GetProperty("message").GetString());
        var outsider = await program.EnrolAsync();
        await program.EarnAsync(outsider.Key, observe, "C1");

        // A cohort is the admin's to read; windows must lie within it.
        await program.GraphQl.ErrorAsync("FORBIDDEN", "query($id: ID!) { cohort(id: $id) { id } }", new { id = cohortId }, members[0].Key);
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($id: ID!, $w: [AssessmentWindowInput!]!) { setCohortAssessmentWindows(cohortId: $id, windows: $w) { id } }",
            new { id = cohortId, w = new[] { new { name = "Too late", opens = server.Now.AddDays(100), closes = server.Now.AddDays(120) } } }, program.AdminKey);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
