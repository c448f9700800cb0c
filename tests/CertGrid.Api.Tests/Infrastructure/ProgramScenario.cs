using Bogus;

namespace CertGrid.Api.Tests.Infrastructure;

/// <summary>
/// A community running a program through GraphQL, for the programs tests: frameworks, credentials, an evaluator
/// pool whose keys it keeps, and learners who earn (or fail) credentials end to end. Names come from Bogus.
/// </summary>
public sealed class ProgramScenario(CommunityScenario community)
{
    public const string Pass = "Exemplary";
    public const string Fail = "Not yet";
    private static readonly Faker Faker = new() { Random = new Randomizer(2026) };
    private readonly Dictionary<string, string> _evaluatorKeys = [];

    public CommunityScenario Community { get; } = community;

    public GraphQlClient GraphQl => Community.GraphQl;

    public string AdminKey => Community.AdminKey;

    public string Id => Community.Community;

    public static async Task<ProgramScenario> CreateAsync(GraphQlClient graphQl, int evaluators = 3)
    {
        var scenario = new ProgramScenario(await CommunityScenario.CreateAsync(graphQl));
        foreach (var organisation in Enumerable.Range(0, evaluators).Select(i => $"{Faker.Company.CompanyName()} {i}"))
        {
            await scenario.AddEvaluatorAsync(organisation);
        }

        return scenario;
    }

    public async Task<(string Id, string Key)> AddEvaluatorAsync(string? organisation = null, string? linkedLearnerId = null)
    {
        var evaluator = await Community.RegisterEvaluatorAsync(organisation ?? Faker.Company.CompanyName(), linkedLearnerId, expertise: ["OBS-1", "INC-1", "CAP-1", "AUT-1"]);
        _evaluatorKeys[evaluator.Id] = evaluator.Key;
        return evaluator;
    }

    public Task<(string Id, string Key)> EnrolAsync() => Community.EnrolLearnerAsync();

    public Task<JsonElement> AdminAsync(string query, object? variables = null) => GraphQl.DataAsync(query, variables, AdminKey);

    public static object Competency(string code, string? name = null, string? domain = null, object[]? nameTranslations = null) => new
    {
        code,
        name = name ?? Faker.Hacker.IngVerb() + " " + Faker.Hacker.Noun(),
        outcomes = new[] { $"Demonstrates {code} on real work" },
        behaviours = new[] { $"Applies {code} without being asked" },
        domainCode = domain,
        nameTranslations,
    };

    public static object FrameworkInput(params object[] competencies) => new
    {
        name = "Reliability practice",
        description = "What the community expects of a practitioner.",
        domains = new[] { new { code = "CORE", name = "Core practice" } },
        competencies,
    };

    /// <summary>Creates a framework (version 1.0.0) and, unless told otherwise, publishes it the simple way.</summary>
    public async Task<string> FrameworkAsync(object input, bool publish = true)
    {
        var id = (await AdminAsync("mutation($input: DefineFrameworkInput!) { defineFramework(input: $input) { id } }", new { input }))
            .GetProperty("defineFramework").GetProperty("id").GetString()!;
        if (publish)
        {
            await AdminAsync("mutation($id: ID!) { publishFramework(id: $id) { status } }", new { id });
        }

        return id;
    }

    /// <summary>A rubric criterion aligned to one competency, with levels Not yet (0), Proficient (2), Exemplary (3).</summary>
    public static object Criterion(string code, string competency, object? extra = null) => new
    {
        code,
        name = Faker.Hacker.Verb() + " " + Faker.Hacker.Noun(),
        competencyCodes = new[] { competency },
        levels = new object[]
        {
            new { name = Fail, points = 0, descriptor = "Not shown." },
            new { name = "Proficient", points = 2, descriptor = "Shown independently." },
            new { name = Pass, points = 3, descriptor = "Shown and taught.", exemplars = extra is null ? null : new[] { extra } },
        },
    };

    public static Dictionary<string, object?> CredentialInput(string frameworkId, string tier, params (string Code, string Competency)[] criteria) => new()
    {
        ["name"] = Faker.Commerce.ProductName(),
        ["description"] = Faker.Lorem.Sentence(),
        ["tier"] = tier,
        ["frameworkId"] = frameworkId,
        ["criteriaNarrative"] = Faker.Lorem.Sentence(),
        ["passThresholdPercent"] = 60,
        ["validityDays"] = 365,
        ["evaluatorsPerAttempt"] = 2,
        ["criteria"] = criteria.Select(c => Criterion(c.Code, c.Competency)).ToArray(),
    };

    public async Task<string> CredentialAsync(object input, bool publish = true)
    {
        var id = (await AdminAsync("mutation($input: DefineCredentialInput!) { defineCredential(input: $input) { id } }", new { input }))
            .GetProperty("defineCredential").GetProperty("id").GetString()!;
        if (publish)
        {
            await AdminAsync("mutation($id: ID!) { publishCredential(id: $id) { status } }", new { id });
        }

        return id;
    }

    /// <summary>Uploads evidence, submits an attempt and has every panel evaluator review it at one level. Returns the decided attempt.</summary>
    public async Task<JsonElement> AssessAsync(string learnerKey, string credentialId, string level, IReadOnlyList<string> criteria, string? note = null)
    {
        var artifact = await Community.UploadArtifactAsync(learnerKey);
        var attempt = await Community.SubmitAttemptAsync(learnerKey, credentialId, artifact);
        var attemptId = attempt.GetProperty("id").GetString()!;
        JsonElement decided = attempt;
        foreach (var seat in attempt.GetProperty("panel").EnumerateArray())
        {
            decided = (await GraphQl.DataAsync(
                "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id status credentialId } }",
                new { input = new { attemptId, overallNote = note ?? Faker.Lorem.Sentence(), scores = criteria.Select(c => new { criterionCode = c, level, note = $"{c}: {Faker.Lorem.Sentence()}" }).ToArray() } },
                _evaluatorKeys[seat.GetProperty("evaluatorId").GetString()!])).GetProperty("submitReview");
        }

        return decided;
    }

    /// <summary>Earns a credential end to end and returns the issued credential's id.</summary>
    public async Task<string> EarnAsync(string learnerKey, string credentialId, params string[] criteria)
    {
        var decided = await AssessAsync(learnerKey, credentialId, Pass, criteria.Length > 0 ? criteria : ["C1"]);
        Assert.Equal("PASSED", decided.GetProperty("status").GetString());
        return decided.GetProperty("credentialId").GetString()!;
    }

    public async Task<JsonElement> IssuedAsync(string credentialId) =>
        (await AdminAsync("query($id: ID!) { credential(id: $id) { id credentialDefinitionId frameworkVersion document awardedThrough attemptId status results { criterionCode level } } }",
            new { id = credentialId })).GetProperty("credential");

    /// <summary>The community's whole audit log, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> AuditAsync()
    {
        var entries = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = (await AdminAsync("query($after: String) { auditLog(first: 100, after: $after) { nodes { action subject actor details } hasNextPage endCursor } }", new { after }))
                .GetProperty("auditLog");
            entries.AddRange(page.GetProperty("nodes").EnumerateArray());
            after = page.GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        return entries;
    }
}
