using System.Text;
using Bogus;
using CertGrid.Api.Tests.Identity;

namespace CertGrid.Api.Tests.Onboarding;

/// <summary>
/// Issue 19's "done when", up to sign-in: a community configures its identity provider, imports its members, evaluators,
/// cohorts and the credentials its members already hold from CSV files with a few bad rows (each dry run shows them and
/// changes nothing), fixes the files, applies them (the same file again changes nothing), and an imported member signs in
/// through the local OpenID Connect provider as their record (the rest in <c>MovingInHoldersTests</c>).
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed partial class MovingInTests(SharedServerFixture server, LocalOidcProvider provider) : IClassFixture<LocalOidcProvider>
{
    private const string Import = "id kind fileName status totalRows newRows unchangedRows errorCount errors { line column problem accepted } processedRows createdRows resultsUrl";

    private static readonly Faker Faker = new();

    [Fact]
    public async Task A_community_moves_in_imports_its_roster_after_fixing_bad_rows_and_its_members_sign_in()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        await server.GraphQl.DataAsync(
            "mutation($input: ConfigureIdentityProviderInput!) { configureIdentityProvider(input: $input) { issuer } }",
            new { input = new { issuer = provider.Issuer, audience = LocalOidcProvider.AudienceFor(scenario.Community), clientId = LocalOidcProvider.ClientId, learnerValues = new[] { "members" } } },
            scenario.AdminKey);
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
        var login = $"member-{Guid.NewGuid():N}";
        provider.AddPerson(login, member.Email, true, "members");
        var token = await provider.SignInAsync(login, LocalOidcProvider.AudienceFor(scenario.Community));
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

        var started = await StartAsync(scenario, "later.csv", 100);
        var notUploaded = await server.GraphQl.ErrorAsync("POLICY_VIOLATION", $"mutation($id: ID!) {{ dryRunRosterImport(id: $id) {{ status }} }}",
            new { id = started.GetProperty("import").GetProperty("id").GetString() }, scenario.AdminKey);
        Assert.Contains("upload", notUploaded.GetProperty("message").GetString());
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation { startRosterImport(input: { fileName: \"members.xlsx\", sizeBytes: 10 }) { uploadUrl } }", key: scenario.AdminKey);
        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation { startRosterImport(input: { fileName: \"m.csv\", sizeBytes: 10 }) { uploadUrl } }", key: (await scenario.EnrolLearnerAsync()).Key);
    }

    private async Task<JsonElement> StartAsync(CommunityScenario scenario, string fileName, long size, string kind = "LEARNERS") =>
        (await server.GraphQl.DataAsync("mutation($input: StartRosterImportInput!) { startRosterImport(input: $input) { import { id status } uploadUrl uploadExpiresAt } }",
            new { input = new { fileName, sizeBytes = size, kind } }, scenario.AdminKey)).GetProperty("startRosterImport");

    private async Task<JsonElement> DryRunAsync(CommunityScenario scenario, string fileName, byte[] content, string kind = "LEARNERS")
    {
        var ticket = await StartAsync(scenario, fileName, content.Length, kind);
        Assert.Equal(201, await CommunityScenario.PutAsync(ticket, content, "text/csv"));
        return (await server.GraphQl.DataAsync($"mutation($id: ID!) {{ dryRunRosterImport(id: $id) {{ {Import} }} }}",
            new { id = ticket.GetProperty("import").GetProperty("id").GetString() }, scenario.AdminKey)).GetProperty("dryRunRosterImport");
    }

    private async Task<JsonElement> ApplyAsync(CommunityScenario scenario, JsonElement checkedImport)
    {
        var id = checkedImport.GetProperty("id").GetString();
        Assert.Equal("CHECKED", checkedImport.GetProperty("status").GetString());
        await server.GraphQl.DataAsync("mutation($id: ID!) { applyRosterImport(id: $id) { status } }", new { id }, scenario.AdminKey);
        for (var wait = 0; wait < 300; wait++)
        {
            var import = (await server.GraphQl.DataAsync($"query($id: ID!) {{ rosterImport(id: $id) {{ status {Import} }} }}", new { id }, scenario.AdminKey)).GetProperty("rosterImport");
            if (import.GetProperty("status").GetString() == "COMPLETED")
            {
                return import;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Import {id} did not complete within a minute.");
    }

    private async Task<int> LearnerCountAsync(CommunityScenario scenario) =>
        (await server.GraphQl.DataAsync("{ learners(first: 100) { nodes { id } } }", key: scenario.AdminKey)).GetProperty("learners").GetProperty("nodes").GetArrayLength();

    private static byte[] Csv(IEnumerable<string> rows, string header = "Name,Email,Organisation") => Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(header)) + "\r\n");

    private static string Email() => $"{Guid.NewGuid():N}"[..8] + "." + Faker.Internet.Email().ToLowerInvariant();
}
