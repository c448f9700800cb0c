using Bogus;
using CertGrid.Domain.TrustedDocuments;

namespace CertGrid.Api.Tests.Retries;

/// <summary>
/// A mutation sent as a trusted document (<c>documentId</c> and variables, no text) is recognised as a mutation, so its
/// Idempotency-Key is honoured: the retry replays the first answer and nothing is done twice.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class TrustedDocumentRetryTests(SharedServerFixture server)
{
    private static readonly Faker Faker = new();

    private const string Enrol = "mutation Enrol($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id name email } }";

    [Fact]
    public async Task A_retried_mutation_sent_by_document_id_replays_its_first_answer()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        await scenario.GraphQl.DataAsync("mutation($d: String!) { registerTrustedDocument(document: $d) { id } }", new { d = Enrol }, scenario.AdminKey);
        var http = server.Cluster.CreateClient();
        var email = Faker.Internet.Email();
        var body = JsonSerializer.Serialize(new { documentId = TrustedDocumentId.Of(Enrol), variables = new { input = new { name = Faker.Name.FullName(), email } } });
        var key = IdempotentPost.NewKey();

        var first = await IdempotentPost.SendBodyAsync(http, key, scenario.AdminKey, body);
        var retry = await IdempotentPost.SendBodyAsync(http, key, scenario.AdminKey, body);

        Assert.False(first.Replayed);
        Assert.Equal(email, first.Data("enrolLearner").GetProperty("email").GetString(), ignoreCase: true);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Text, retry.Text);
        var learners = await scenario.GraphQl.DataAsync("{ learners(first: 100) { nodes { id email } } }", key: scenario.AdminKey);
        Assert.Single(learners.GetProperty("learners").GetProperty("nodes").EnumerateArray(),
            l => string.Equals(l.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase));

        // The same key with the same document id but other variables is another request.
        var other = JsonSerializer.Serialize(new { documentId = TrustedDocumentId.Of(Enrol), variables = new { input = new { name = Faker.Name.FullName(), email = Faker.Internet.Email() } } });
        var reused = await IdempotentPost.SendBodyAsync(http, key, scenario.AdminKey, other);
        Assert.Equal((422, "IDEMPOTENCY_KEY_REUSED"), (reused.Status, reused.Code));
    }
}
