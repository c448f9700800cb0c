using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bogus;

namespace CertGrid.Api.Tests.Infrastructure;

/// <summary>
/// Drives a community through GraphQL exactly as its people would: the operator opens it, the admin defines
/// the program, evaluators and learners get keys, learners upload evidence and submit, evaluators review.
/// Names and emails come from Bogus.
/// </summary>
public sealed class CommunityScenario(GraphQlClient graphQl, string community, string adminKey)
{
    public static readonly string[] Criteria = ["C1", "C2"];
    private static readonly Faker Faker = new() { Random = new Randomizer(7) };

    public string Community { get; } = community;

    public string AdminKey { get; } = adminKey;

    public GraphQlClient GraphQl { get; set; } = graphQl;

    public static async Task<CommunityScenario> CreateAsync(GraphQlClient graphQl, string? id = null)
    {
        id ??= "c" + Guid.NewGuid().ToString("N")[..12];
        var data = await graphQl.DataAsync(
            "mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { community { id } adminKey } }",
            new { input = new { id, name = Faker.Company.CompanyName() + " Guild", url = "https://" + Faker.Internet.DomainName(), email = Faker.Internet.Email() } },
            CertGridCluster.OperatorKey);
        return new CommunityScenario(graphQl, id, data.GetProperty("createCommunity").GetProperty("adminKey").GetString()!);
    }

    public async Task<string> DefinePublishedFrameworkAsync()
    {
        var framework = await GraphQl.DataAsync(
            "mutation($input: DefineFrameworkInput!) { defineFramework(input: $input) { id } }",
            new
            {
                input = new
                {
                    name = "Practice framework",
                    competencies = new[]
                    {
                        new { code = "OBS-1", name = "Observability", outcomes = new[] { "Defines SLIs" } },
                        new { code = "INC-1", name = "Incident response", outcomes = new[] { "Runs an incident" } },
                    },
                },
            },
            AdminKey);
        var id = framework.GetProperty("defineFramework").GetProperty("id").GetString()!;
        await GraphQl.DataAsync("mutation($id: ID!) { publishFramework(id: $id) { status } }", new { id }, AdminKey);
        return id;
    }

    public async Task<string> DefineCredentialAsync(string frameworkId, bool publish = true, int evaluators = 2, int? validityDays = 365)
    {
        var data = await GraphQl.DataAsync(
            "mutation($input: DefineCredentialInput!) { defineCredential(input: $input) { id } }",
            new { input = CredentialInput(frameworkId, evaluators, validityDays) },
            AdminKey);
        var id = data.GetProperty("defineCredential").GetProperty("id").GetString()!;
        if (publish)
        {
            await GraphQl.DataAsync("mutation($id: ID!) { publishCredential(id: $id) { status } }", new { id }, AdminKey);
        }

        return id;
    }

    public static object CredentialInput(string frameworkId, int evaluators = 2, int? validityDays = 365) => new
    {
        name = "Reliability Foundations",
        description = "Foundations of reliable operations.",
        tier = "FOUNDATIONAL",
        frameworkId,
        criteriaNarrative = "Show an SLO you defined and an incident you handled.",
        passThresholdPercent = 60,
        validityDays,
        evaluatorsPerAttempt = evaluators,
        criteria = new[]
        {
            Criterion("C1", "Service level objectives", "OBS-1"),
            Criterion("C2", "Incident handling", "INC-1"),
        },
    };

    /// <param name="expertise">The competency codes the evaluator may assess (default: the scenario framework's OBS-1 and INC-1).</param>
    public async Task<(string Id, string Key)> RegisterEvaluatorAsync(string? organisation = null, string? linkedLearnerId = null, string? email = null, IReadOnlyList<string>? expertise = null)
    {
        var name = Faker.Name.FullName();
        var data = await GraphQl.DataAsync(
            "mutation($input: RegisterEvaluatorInput!) { registerEvaluator(input: $input) { id } }",
            new { input = new { name, email = email ?? Unique(Faker.Internet.Email()), organisation = organisation ?? Faker.Company.CompanyName(), expertise = expertise ?? ["OBS-1", "INC-1"], linkedLearnerId } },
            AdminKey);
        var id = data.GetProperty("registerEvaluator").GetProperty("id").GetString()!;
        return (id, await IssueKeyAsync("EVALUATOR", id));
    }

    public async Task<(string Id, string Key)> EnrolLearnerAsync(string? email = null)
    {
        var data = await GraphQl.DataAsync(
            "mutation($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id } }",
            new { input = new { name = Faker.Name.FullName(), email = email ?? Unique(Faker.Internet.Email()), organisation = Faker.Company.CompanyName() + " Academy" } },
            AdminKey);
        var id = data.GetProperty("enrolLearner").GetProperty("id").GetString()!;
        return (id, await IssueKeyAsync("LEARNER", id));
    }

    public async Task<string> IssueKeyAsync(string role, string? subjectId, string[]? scopes = null)
    {
        var data = await GraphQl.DataAsync(
            "mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { token apiKey { id } } }",
            new { input = new { role, subjectId, scopes, label = $"{role} key" } },
            AdminKey);
        return data.GetProperty("issueApiKey").GetProperty("token").GetString()!;
    }

    /// <summary>Requests an upload URL, PUTs the bytes to blob storage, and commits them. Returns the artifact id.</summary>
    public async Task<string> UploadArtifactAsync(string learnerKey, byte[]? content = null, string contentType = "text/markdown", string? artifactId = null)
    {
        content ??= Encoding.UTF8.GetBytes($"# Evidence\n\n{Faker.Lorem.Paragraphs(2)}\n");
        var ticket = await RequestUploadAsync(learnerKey, content.Length, contentType, artifactId);
        await PutAsync(ticket, content, contentType);
        await GraphQl.DataAsync(
            "mutation($a: ID!, $v: Int!) { commitArtifact(artifactId: $a, version: $v) { id } }",
            new { a = ticket.GetProperty("artifactId").GetString(), v = ticket.GetProperty("version").GetInt32() },
            learnerKey);
        return ticket.GetProperty("artifactId").GetString()!;
    }

    public async Task<JsonElement> RequestUploadAsync(string learnerKey, long size, string contentType = "text/markdown", string? artifactId = null)
    {
        var data = await GraphQl.DataAsync(
            "mutation($input: RequestArtifactUploadInput!) { requestArtifactUpload(input: $input) { artifactId version uploadUrl expiresAt requiredHeaders { name value } } }",
            new { input = new { artifactId, title = "Portfolio evidence", fileName = "evidence.md", contentType, sizeBytes = size } },
            learnerKey);
        return data.GetProperty("requestArtifactUpload");
    }

    public static async Task<int> PutAsync(JsonElement ticket, byte[] content, string contentType)
    {
        using var http = new HttpClient();
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("uploadUrl").GetString()) { Content = body };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await http.SendAsync(put);
        return (int)response.StatusCode;
    }

    public async Task<JsonElement> SubmitAttemptAsync(string learnerKey, string credentialId, params string[] artifactIds) =>
        (await GraphQl.DataAsync(
            "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id status panel { evaluatorId reason } } }",
            new { input = new { credentialDefinitionId = credentialId, artifactIds } },
            learnerKey)).GetProperty("submitAttempt");

    public async Task<JsonElement> ReviewAsync(string evaluatorKey, string attemptId, string level) =>
        (await GraphQl.DataAsync(
            "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id status credentialId verdict { outcome meanPercent reason } panel { evaluatorId } } }",
            new { input = ReviewInput(attemptId, level) },
            evaluatorKey)).GetProperty("submitReview");

    /// <summary>A new learner earns a new credential (framework, definition and a two-evaluator panel of their own): its id and the learner.</summary>
    public async Task<(string CredentialId, (string Id, string Key) Learner)> EarnCredentialAsync()
    {
        var definition = await DefineCredentialAsync(await DefinePublishedFrameworkAsync());
        var evaluators = new[] { await RegisterEvaluatorAsync(), await RegisterEvaluatorAsync() };
        var learner = await EnrolLearnerAsync();
        var attempt = await SubmitAttemptAsync(learner.Key, definition, await UploadArtifactAsync(learner.Key));
        JsonElement decided = default;
        foreach (var evaluator in evaluators)
        {
            decided = await ReviewAsync(evaluator.Key, attempt.GetProperty("id").GetString()!, "Exemplary");
        }

        return (decided.GetProperty("credentialId").GetString()!, learner);
    }

    public static object ReviewInput(string attemptId, string level) => new
    {
        attemptId,
        scores = Criteria.Select(c => new { criterionCode = c, level, note = Faker.Lorem.Sentence() }).ToArray(),
        overallNote = Faker.Lorem.Sentence(10),
    };

    private static object Criterion(string code, string name, string competency) => new
    {
        code,
        name,
        competencyCodes = new[] { competency },
        levels = new[]
        {
            new { name = "Not yet", points = 0, descriptor = "Not shown." },
            new { name = "Developing", points = 1, descriptor = "Shown with help." },
            new { name = "Proficient", points = 2, descriptor = "Shown independently." },
            new { name = "Exemplary", points = 3, descriptor = "Shown and taught." },
        },
    };

    private static string Unique(string email) => $"{Guid.NewGuid():N}"[..6] + "." + email;
}
