using System.Text;
using Bogus;
using CertGrid.Api.Tests.Identity;

namespace CertGrid.Api.Tests.Onboarding;

/// <summary>
/// What a community moving in does, through GraphQL as its admin and members would: configure its OpenID Connect provider
/// (the group "members" signs in as learners, "reviewers" as evaluators), import a file (start, upload, dry run, apply and
/// follow it until completed), and people signing in at the provider.
/// </summary>
public static class MovingInSteps
{
    public const string MembersGroup = "members";
    public const string ReviewersGroup = "reviewers";

    public const string Import = "id kind fileName status totalRows newRows unchangedRows errorCount errors { line column problem accepted } processedRows createdRows resultsUrl";

    private static readonly Faker Faker = new();

    public static Task<JsonElement> ConfigureProviderAsync(CommunityScenario scenario, LocalOidcProvider provider) => scenario.GraphQl.DataAsync(
        "mutation($input: ConfigureIdentityProviderInput!) { configureIdentityProvider(input: $input) { issuer } }",
        new
        {
            input = new
            {
                issuer = provider.Issuer, audience = LocalOidcProvider.AudienceFor(scenario.Community), clientId = LocalOidcProvider.ClientId,
                learnerValues = new[] { MembersGroup }, evaluatorValues = new[] { ReviewersGroup },
            },
        },
        scenario.AdminKey);

    /// <summary>A person the provider knows with <paramref name="email"/> (verified) in <paramref name="group"/> signs in; returns the access token for the community.</summary>
    public static async Task<string> SignInAsync(LocalOidcProvider provider, CommunityScenario scenario, string email, string group)
    {
        var login = $"{group}-{Guid.NewGuid():N}";
        provider.AddPerson(login, email, true, group);
        return await provider.SignInAsync(login, LocalOidcProvider.AudienceFor(scenario.Community));
    }

    public static async Task<JsonElement> StartImportAsync(CommunityScenario scenario, string fileName, long size, string kind = "LEARNERS") =>
        (await scenario.GraphQl.DataAsync("mutation($input: StartRosterImportInput!) { startRosterImport(input: $input) { import { id status } uploadUrl uploadExpiresAt } }",
            new { input = new { fileName, sizeBytes = size, kind } }, scenario.AdminKey)).GetProperty("startRosterImport");

    /// <summary>Starts an import, uploads <paramref name="content"/> and dry runs it: the import as checked (CHECKED or REJECTED).</summary>
    public static async Task<JsonElement> DryRunAsync(CommunityScenario scenario, string fileName, byte[] content, string kind = "LEARNERS")
    {
        var ticket = await StartImportAsync(scenario, fileName, content.Length, kind);
        Assert.Equal(201, await CommunityScenario.PutAsync(ticket, content, "text/csv"));
        return (await scenario.GraphQl.DataAsync($"mutation($id: ID!) {{ dryRunRosterImport(id: $id) {{ {Import} }} }}",
            new { id = ticket.GetProperty("import").GetProperty("id").GetString() }, scenario.AdminKey)).GetProperty("dryRunRosterImport");
    }

    /// <summary>Applies a checked import and waits (up to a minute) until it completed: the import then.</summary>
    public static async Task<JsonElement> ApplyAsync(CommunityScenario scenario, JsonElement checkedImport)
    {
        var id = checkedImport.GetProperty("id").GetString();
        Assert.Equal("CHECKED", checkedImport.GetProperty("status").GetString());
        await scenario.GraphQl.DataAsync("mutation($id: ID!) { applyRosterImport(id: $id) { status } }", new { id }, scenario.AdminKey);
        for (var wait = 0; wait < 300; wait++)
        {
            var import = (await scenario.GraphQl.DataAsync($"query($id: ID!) {{ rosterImport(id: $id) {{ status {Import} }} }}", new { id }, scenario.AdminKey)).GetProperty("rosterImport");
            if (import.GetProperty("status").GetString() == "COMPLETED")
            {
                return import;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Import {id} did not complete within a minute.");
    }

    public static byte[] Csv(IEnumerable<string> rows, string header = "Name,Email,Organisation") => Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(header)) + "\r\n");

    /// <summary>A realistic email address no other test uses.</summary>
    public static string Email() => $"{Guid.NewGuid():N}"[..8] + "." + Faker.Internet.Email().ToLowerInvariant();
}
