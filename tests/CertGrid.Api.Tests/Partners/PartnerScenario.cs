using Bogus;

namespace CertGrid.Api.Tests.Partners;

/// <summary>
/// Partner organisations and consenting holders through GraphQL: the operator registers a partner, communities earn
/// credentials in a program and grant the partner access, learners consent. Names come from Bogus.
/// </summary>
public static class PartnerScenario
{
    public const string TalentSearch = "query($filter: TalentFilterInput, $first: Int, $after: String) { talentSearch(filter: $filter, first: $first, after: $after) { totalCount communities { community count } nodes { handle community name region languages canContact score credentials { achievementName credentialDefinitionId tier validUntil competencies { code levelPercent proficiency } } } hasNextPage endCursor } }";

    private static readonly Faker Faker = new() { Random = new Randomizer(1717) };

    /// <summary>Registers a partner organisation; returns its id and first key.</summary>
    public static async Task<(string Id, string Key)> RegisterAsync(GraphQlClient graphQl)
    {
        var name = Faker.Company.CompanyName();
        var domain = Faker.Internet.DomainName();
        var key = (await graphQl.DataAsync(
            "mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { token key { id expiresAt } } }",
            new { input = new { name, website = "https://" + domain, verifiedDomain = domain, contactEmail = "talent@" + domain, purpose = "Hiring certified practitioners for " + Faker.Commerce.Department() } },
            CertGridCluster.OperatorKey)).GetProperty("registerPartner").GetProperty("token").GetString()!;
        var id = (await graphQl.DataAsync("{ partnerOrganisation { id } }", key: key)).GetProperty("partnerOrganisation").GetProperty("id").GetString()!;
        return (id, key);
    }

    public static Task<JsonElement> GrantAsync(ProgramScenario community, string partnerId, DateTimeOffset expiresAt, params string[] scopes) =>
        community.AdminAsync("mutation($p: ID!, $s: [String!]!, $e: DateTimeOffset!) { grantPartnerAccess(partnerId: $p, scopes: $s, expiresAt: $e) { community active } }",
            new { p = partnerId, s = scopes, e = expiresAt });

    /// <summary>A program whose credential aligns criteria C1 and C2 to competencies OBS-1 and INC-1.</summary>
    public static async Task<(ProgramScenario Program, string DefinitionId)> ProgramAsync(GraphQlClient graphQl, string tier = "FOUNDATIONAL")
    {
        var program = await ProgramScenario.CreateAsync(graphQl, evaluators: 2);
        var framework = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1"), ProgramScenario.Competency("INC-1")));
        var definition = await program.CredentialAsync(ProgramScenario.CredentialInput(framework, tier, ("C1", "OBS-1"), ("C2", "INC-1")));
        return (program, definition);
    }

    /// <summary>A learner who earned the program's credential; returns their id, key and credential id.</summary>
    public static async Task<(string LearnerId, string Key, string CredentialId)> HolderAsync(ProgramScenario program, string definitionId)
    {
        var (learnerId, key) = await program.EnrolAsync();
        var credentialId = await program.EarnAsync(key, definitionId, "C1", "C2");
        return (learnerId, key, credentialId);
    }

    public static async Task<string> DiscoverableAsync(GraphQlClient graphQl, string learnerKey, object input) =>
        (await graphQl.DataAsync("mutation($input: BecomeDiscoverableInput!) { becomeDiscoverable(input: $input) { id text } }", new { input }, learnerKey))
            .GetProperty("becomeDiscoverable").GetProperty("id").GetString()!;

    public static async Task<JsonElement> SearchAsync(GraphQlClient graphQl, string partnerKey, object? filter = null, int first = 10) =>
        (await graphQl.DataAsync(TalentSearch, new { filter, first }, partnerKey)).GetProperty("talentSearch");
}
