using System.Text;
using Bogus;
using CertGrid.Api.Tests.Identity;
using static CertGrid.Api.Tests.Onboarding.MovingInSteps;

namespace CertGrid.Api.Tests.Onboarding;

/// <summary>
/// Issue 19's "done when", up to sign-in: a community configures its identity provider, imports its members from a CSV file
/// with a few bad rows (the dry run shows them and changes nothing), fixes the file, applies it (the same file again
/// changes nothing), and an imported member signs in through the local OpenID Connect provider as their record. Its
/// evaluators, cohorts and the credentials its members already hold come in the same way in <c>MovingInHoldersTests</c>;
/// the first credential earned, its email, a partner's events and forged tokens are in <c>MovingInFirstCredentialTests</c>.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed partial class MovingInTests(SharedServerFixture server, LocalOidcProvider provider) : IClassFixture<LocalOidcProvider>
{
    private static readonly Faker Faker = new();

    [Fact]
    public async Task A_community_moves_in_imports_its_roster_after_fixing_bad_rows_and_its_members_sign_in()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        await ConfigureProviderAsync(scenario, provider);
        var alreadyThere = Email();
        await scenario.EnrolLearnerAsync(alreadyThere);
        var people = Enumerable.Range(0, 30).Select(_ => (Name: Faker.Name.FullName(), Email: Email(), Organisation: Faker.Company.CompanyName())).ToList();
        var good = people.Select(p => $"\"{p.Name}\",{p.Email},\"{p.Organisation}\"").Append($"Existing Member,{alreadyThere},").ToList();

        // Line 1 is the header; the bad rows are lines 33 to 35.
        var withBadRows = Csv([.. good, "Nobody,not-an-email,Acme", ",no.name@example.org,", $"Twin,{people[3].Email},"]);
        var rejected = await DryRunAsync(scenario, "members.csv", withBadRows);
        Assert.Equal("REJECTED", rejected.GetProperty("status").GetString());
        Assert.Equal(3, rejected.GetProperty("errorCount").GetInt64());
        var errors = rejected.GetProperty("errors").EnumerateArray().Select(e => (Line: e.GetProperty("line").GetInt64(), Column: e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(33, "email"), (34, "name"), (35, "email")], errors);
        Assert.All(rejected.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("accepted").GetString())));
        Assert.Contains("line 5", rejected.GetProperty("errors")[2].GetProperty("problem").GetString());
        await server.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($id: ID!) { applyRosterImport(id: $id) { status } }", new { id = rejected.GetProperty("id").GetString() }, scenario.AdminKey);
        Assert.Equal(1, await LearnerCountAsync(scenario));

        var fixedFile = Csv([.. good]);
        var completed = await ApplyAsync(scenario, await DryRunAsync(scenario, "members-fixed.csv", fixedFile));
        Assert.Equal(30, completed.GetProperty("createdRows").GetInt64());
        Assert.Equal(1, completed.GetProperty("unchangedRows").GetInt64());
        Assert.Equal(31, await LearnerCountAsync(scenario));
        using var http = new HttpClient();
        var results = await http.GetStringAsync(completed.GetProperty("resultsUrl").GetString());
        Assert.Equal(30, results.Split('\n').Count(l => l.Contains(",enrolled,", StringComparison.Ordinal)));
        Assert.Contains($"{alreadyThere},unchanged: already enrolled", results);

        var again = await DryRunAsync(scenario, "members-fixed.csv", fixedFile);
        Assert.Equal((0, 31), (again.GetProperty("newRows").GetInt64(), again.GetProperty("unchangedRows").GetInt64()));
        Assert.Equal(0, (await ApplyAsync(scenario, again)).GetProperty("createdRows").GetInt64());
        Assert.Equal(31, await LearnerCountAsync(scenario));

        var member = people[7];
        var token = await SignInAsync(provider, scenario, member.Email, MembersGroup);
        var own = await server.GraphQl.DataAsync("{ viewer { role } learner { name email } }", key: token);
        Assert.Equal("LEARNER", own.GetProperty("viewer").GetProperty("role").GetString());
        Assert.Equal(member.Name, own.GetProperty("learner").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_json_lines_roster_names_the_lines_that_are_not_json_and_a_file_never_uploaded_is_a_clear_error()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var lines = $"{{\"name\": \"Ada Lovelace\", \"email\": \"{Email()}\"}}\n{{\"name\": \"Broken\", \n[\"not\", \"an object\"]\n";
        var rejected = await DryRunAsync(scenario, "members.jsonl", Encoding.UTF8.GetBytes(lines));
        Assert.Equal(2, rejected.GetProperty("errorCount").GetInt64());
        Assert.Equal([2L, 3L], rejected.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt64()).ToList());

        var started = await StartImportAsync(scenario, "later.csv", 100);
        var notUploaded = await server.GraphQl.ErrorAsync("POLICY_VIOLATION", $"mutation($id: ID!) {{ dryRunRosterImport(id: $id) {{ status }} }}",
            new { id = started.GetProperty("import").GetProperty("id").GetString() }, scenario.AdminKey);
        Assert.Contains("upload", notUploaded.GetProperty("message").GetString());
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation { startRosterImport(input: { fileName: \"members.xlsx\", sizeBytes: 10 }) { uploadUrl } }", key: scenario.AdminKey);
        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation { startRosterImport(input: { fileName: \"m.csv\", sizeBytes: 10 }) { uploadUrl } }", key: (await scenario.EnrolLearnerAsync()).Key);
    }

    private async Task<int> LearnerCountAsync(CommunityScenario scenario) =>
        (await server.GraphQl.DataAsync("{ learners(first: 100) { nodes { id } } }", key: scenario.AdminKey)).GetProperty("learners").GetProperty("nodes").GetArrayLength();
}
