using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bogus;

namespace CertGrid.Api.Tests.DirectAwards;

/// <summary>
/// A community whose systems award a credential directly: a published credential that allows it (or not), enrolled
/// learners, the awardCredential mutation, and award webhook deliveries signed as the docs say a sending system signs them.
/// </summary>
public sealed class DirectAwardScenario(SharedServerFixture server, CommunityScenario community, string definitionId)
{
    public const string AwardMutation = """
        mutation($input: AwardCredentialInput!) {
          awardCredential(input: $input) { id learnerId credentialDefinitionId attemptId awardedThrough status jwt document }
        }
        """;

    private static readonly Faker Faker = new() { Random = new Randomizer(19) };

    public CommunityScenario Community { get; } = community;

    public string DefinitionId { get; } = definitionId;

    public static async Task<DirectAwardScenario> CreateAsync(SharedServerFixture server, bool allowDirectAward = true, bool publish = true)
    {
        var community = await CommunityScenario.CreateAsync(server.GraphQl);
        return new DirectAwardScenario(server, community, await DefineAsync(community, allowDirectAward, publish));
    }

    /// <summary>A credential of the scenario's framework, allowing direct award or not (left out of the input when false, to check the default).</summary>
    public static async Task<string> DefineAsync(CommunityScenario community, bool allowDirectAward, bool publish = true)
    {
        var input = JsonSerializer.SerializeToNode(CommunityScenario.CredentialInput(await community.DefinePublishedFrameworkAsync()))!.AsObject();
        input["name"] = Faker.Commerce.ProductName() + " completion";
        if (allowDirectAward)
        {
            input["allowDirectAward"] = true;
        }

        var id = (await community.GraphQl.DataAsync("mutation($input: DefineCredentialInput!) { defineCredential(input: $input) { id } }", new { input }, community.AdminKey))
            .GetProperty("defineCredential").GetProperty("id").GetString()!;
        if (publish)
        {
            await community.GraphQl.DataAsync("mutation($id: ID!) { publishCredential(id: $id) { status } }", new { id }, community.AdminKey);
        }

        return id;
    }

    public async Task<(string Id, string Email)> EnrolAsync()
    {
        var email = $"{Guid.NewGuid():N}"[..8] + "." + Faker.Internet.Email().ToLowerInvariant();
        return ((await Community.EnrolLearnerAsync(email)).Id, email);
    }

    /// <summary>An award of this scenario's credential as the mutation's input and the webhook's body take it.</summary>
    public JsonObject Award(string? learnerEmail = null, string? learnerId = null, string? externalId = null, string source = "moodle", int evidence = 1) => new()
    {
        ["definitionId"] = DefinitionId,
        ["learnerEmail"] = learnerEmail,
        ["learnerId"] = learnerId,
        ["externalId"] = externalId ?? $"course-{Faker.Random.Number(100, 999)}/{Guid.NewGuid():N}",
        ["source"] = source,
        ["evidence"] = new JsonArray(Enumerable.Range(0, evidence).Select(i => (JsonNode)new JsonObject
        {
            ["url"] = $"https://{Faker.Internet.DomainName()}/certificates/{Faker.Random.AlphaNumeric(10)}",
            ["title"] = $"Certificate of completion {i + 1}",
        }).ToArray()),
    };

    public async Task<string> CreateSecretAsync() =>
        (await server.GraphQl.DataAsync("mutation { createAwardHookSecret { secret hook { enabled } } }", key: Community.AdminKey))
            .GetProperty("createAwardHookSecret").GetProperty("secret").GetString()!;

    public async Task<List<JsonElement>> CredentialsAsync() =>
        (await server.GraphQl.DataAsync("{ credentials(first: 100) { nodes { id learnerId } } }", key: Community.AdminKey))
            .GetProperty("credentials").GetProperty("nodes").EnumerateArray().ToList();

    /// <summary>Posts a delivery to a community's hook, signed with the secret over "{t}.{delivery id}.{raw body}" unless a header is given.</summary>
    public async Task<(int Status, string? ContentType, JsonElement Body)> DeliverAsync(string body, string? secret, string? deliveryId = null,
        DateTimeOffset? signedAt = null, string? community = null, string? signatureHeader = null)
    {
        deliveryId ??= $"dlv-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/c/{community ?? Community.Community}/hooks/award")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("CertGrid-Delivery-Id", deliveryId);
        if ((signatureHeader ?? Sign(secret, deliveryId, body, signedAt ?? DateTimeOffset.UtcNow)) is { } header)
        {
            request.Headers.Add("CertGrid-Signature", header);
        }

        using var http = server.Cluster.CreateClient();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone());
    }

    public static string? Sign(string? secret, string deliveryId, string body, DateTimeOffset at)
    {
        if (secret is null)
        {
            return null;
        }

        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{deliveryId}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>The audit entries of the community with this action.</summary>
    public async Task<List<JsonElement>> AuditAsync(string action)
    {
        var entries = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = (await server.GraphQl.DataAsync("query($after: String) { auditLog(first: 100, after: $after) { nodes { action actor subject details } endCursor } }", new { after }, Community.AdminKey))
                .GetProperty("auditLog");
            entries.AddRange(page.GetProperty("nodes").EnumerateArray().Where(e => e.GetProperty("action").GetString() == action));
            after = page.GetProperty("endCursor").GetString();
        }
        while (after is not null);
        return entries;
    }
}
