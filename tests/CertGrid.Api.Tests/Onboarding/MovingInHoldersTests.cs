using static CertGrid.Api.Tests.Onboarding.MovingInSteps;

namespace CertGrid.Api.Tests.Onboarding;

/// <summary>The rest of a community moving in: its evaluators, its cohorts and the credentials its members earned before CertGrid.</summary>
public sealed partial class MovingInTests
{
    [Fact]
    public async Task A_community_brings_its_evaluators_cohorts_and_the_credentials_its_members_already_hold_after_fixing_bad_rows()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var definitionId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), validityDays: 3650);
        var members = Enumerable.Range(0, 6).Select(_ => (Name: Faker.Name.FullName(), Email: Email())).ToList();
        await ApplyAsync(scenario, await DryRunAsync(scenario, "members.csv", Csv(members.Select(m => $"\"{m.Name}\",{m.Email},"))));

        // Evaluators: one of them is also a member (linked, so they never review themselves). Bad rows are lines 6 to 8.
        var evaluators = Enumerable.Range(0, 3).Select(_ => (Name: Faker.Name.FullName(), Email: Email())).Append((Name: members[0].Name, members[0].Email)).ToList();
        var goodEvaluators = evaluators.Select(e => $"\"{e.Name}\",{e.Email},\"{Faker.Company.CompanyName()}\",C1|C2,en|fr,4").ToList();
        const string evaluatorHeader = "name,email,organisation,expertise,languages,capacity";
        var rejected = await DryRunAsync(scenario, "evaluators.csv", Csv([.. goodEvaluators, "Bad Code,bad.code@example.org,,C 1,,", $"Lots,lots@example.org,,,,lots", $"Twin,{evaluators[1].Email},,,,"], evaluatorHeader), "EVALUATORS");
        Assert.Equal([(6L, "expertise"), (7L, "capacity"), (8L, "email")], Errors(rejected));
        await server.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($id: ID!) { applyRosterImport(id: $id) { status } }", new { id = rejected.GetProperty("id").GetString() }, scenario.AdminKey);
        var registered = await ApplyAsync(scenario, await DryRunAsync(scenario, "evaluators.csv", Csv(goodEvaluators, evaluatorHeader), "EVALUATORS"));
        Assert.Equal(("EVALUATORS", 4L), (registered.GetProperty("kind").GetString(), registered.GetProperty("createdRows").GetInt64()));
        var pool = (await server.GraphQl.DataAsync("{ evaluators { email expertise linkedLearnerId maxActiveAssignments } }", key: scenario.AdminKey)).GetProperty("evaluators").EnumerateArray().ToList();
        Assert.Equal(evaluators.Select(e => e.Email).Order(), pool.Select(e => e.GetProperty("email").GetString()).Order());
        Assert.All(pool, e => Assert.Equal((4, 2), (e.GetProperty("maxActiveAssignments").GetInt32(), e.GetProperty("expertise").GetArrayLength())));
        Assert.Single(pool, e => e.GetProperty("linkedLearnerId").ValueKind == JsonValueKind.String);

        // Cohort members, by email or id; an unknown cohort and a stranger are errors found against the community.
        var cohort = (await server.GraphQl.DataAsync("mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }", new
        {
            input = new { name = "Spring cohort", startsOn = "2026-01-01", endsOn = "2026-12-31", credentialDefinitionIds = new[] { definitionId } },
        }, scenario.AdminKey)).GetProperty("createCohort").GetProperty("id").GetString();
        var memberRows = members.Take(4).Select(m => $"{cohort},{m.Email}").ToList();
        var badCohort = await DryRunAsync(scenario, "cohort.csv", Csv([.. memberRows, "coh_nosuchcohort1,x@example.org", $"{cohort},{Email()}"], "cohort,learner"), "COHORT_MEMBERS");
        Assert.Equal([(6L, "cohort"), (7L, "learner")], Errors(badCohort));
        Assert.Equal(4, (await ApplyAsync(scenario, await DryRunAsync(scenario, "cohort.csv", Csv(memberRows, "cohort,learner"), "COHORT_MEMBERS"))).GetProperty("createdRows").GetInt64());
        var cohortMembers = (await server.GraphQl.DataAsync("query($id: ID!) { cohort(id: $id) { learnerIds } }", new { id = cohort }, scenario.AdminKey)).GetProperty("cohort").GetProperty("learnerIds");
        Assert.Equal(4, cohortMembers.GetArrayLength());

        // Credentials earned before CertGrid. Bad rows (lines 6 to 8): a stranger, a day in the future, an unknown credential.
        const string holderHeader = "email,credential,earnedOn,externalId";
        var holders = members.Take(4).Select((m, i) => $"{m.Email},{definitionId},2024-0{i + 1}-15,OLD-{i}").ToList();
        var badHolders = await DryRunAsync(scenario, "holders.csv", Csv([.. holders, $"{Email()},{definitionId},2024-01-01,OLD-9", $"{members[5].Email},{definitionId},2999-01-01,OLD-10",
            $"{members[5].Email},def_nosuchdefinition,2024-01-01,OLD-11"], holderHeader), "HOLDERS");
        Assert.Equal([(6L, "email"), (7L, "earnedOn"), (8L, "credential")], Errors(badHolders));
        Assert.Empty(await CredentialsAsync(scenario));

        var issued = await ApplyAsync(scenario, await DryRunAsync(scenario, "holders.csv", Csv(holders, holderHeader), "HOLDERS"));
        Assert.Equal(4, issued.GetProperty("createdRows").GetInt64());
        var credentials = await CredentialsAsync(scenario);
        Assert.Equal(4, credentials.Count);
        var first = (await server.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { awardedThrough attemptId validFrom jwt } }",
            new { id = await CredentialIdOfAsync(issued, members[0].Email) }, scenario.AdminKey)).GetProperty("credential");
        Assert.Equal(("import:" + issued.GetProperty("id").GetString(), "import"), (first.GetProperty("awardedThrough").GetString(), first.GetProperty("attemptId").GetString()));
        Assert.StartsWith("2024-01-15T00:00:00", first.GetProperty("validFrom").GetString());
        Assert.Equal(3, first.GetProperty("jwt").GetString()!.Split('.').Length);
        var audit = await new ProgramScenario(scenario).AuditAsync();
        Assert.Equal(4, audit.Count(e => e.GetProperty("action").GetString() == "credential.issued" && e.GetProperty("details").GetString()!.Contains($"import:{issued.GetProperty("id").GetString()}")));

        // The same file again changes nothing.
        var again = await DryRunAsync(scenario, "holders.csv", Csv(holders, holderHeader), "HOLDERS");
        Assert.Equal((0L, 4L), (again.GetProperty("newRows").GetInt64(), again.GetProperty("unchangedRows").GetInt64()));
        Assert.Equal(0, (await ApplyAsync(scenario, again)).GetProperty("createdRows").GetInt64());
        Assert.Equal(4, (await CredentialsAsync(scenario)).Count);
    }

    private static List<(long Line, string? Column)> Errors(JsonElement import)
    {
        Assert.Equal("REJECTED", import.GetProperty("status").GetString());
        Assert.All(import.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("accepted").GetString())));
        return import.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("column").GetString())).ToList();
    }

    private async Task<List<JsonElement>> CredentialsAsync(CommunityScenario scenario) =>
        (await server.GraphQl.DataAsync("{ credentials(first: 100) { nodes { id learnerId } } }", key: scenario.AdminKey)).GetProperty("credentials").GetProperty("nodes").EnumerateArray().ToList();

    /// <summary>The id the results file gives the row of this holder (line,subject,outcome,id,…).</summary>
    private static async Task<string> CredentialIdOfAsync(JsonElement import, string email)
    {
        using var http = new HttpClient();
        var results = await http.GetStringAsync(import.GetProperty("resultsUrl").GetString());
        var line = results.Split('\n').Single(l => l.Contains($",{email},issued,", StringComparison.Ordinal));
        return line.Split(',')[3];
    }
}
