using CertGrid.Api.GraphQl.Admission;
using CertGrid.Api.GraphQl.Cost;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>
/// A document read once is not read or validated again (<see cref="ReadDocuments"/>), and that changes nothing a client
/// sees: each request's variables are still coerced and checked, a document that failed validation is validated again,
/// and each request is priced for its own variables.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class DocumentCacheTests(SharedServerFixture server)
{
    private ReadDocuments Documents => server.Cluster.Nodes[0].Services.GetRequiredService<ReadDocuments>();

    [Fact]
    public async Task The_same_text_with_new_variables_answers_for_those_variables_from_a_document_validated_once()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var (first, second) = (await scenario.EnrolLearnerAsync(), await scenario.EnrolLearnerAsync());
        var query = $"query($id: ID) {{ learner(id: $id) {{ id name }} }} # {Guid.NewGuid():N}";
        Assert.Null(Documents.Find(query));

        var firstAnswer = (await server.GraphQl.DataAsync(query, new { id = first.Id }, scenario.AdminKey)).GetProperty("learner");
        Assert.True(Documents.Find(query)?.Validated);
        var secondAnswer = (await server.GraphQl.DataAsync(query, new { id = second.Id }, scenario.AdminKey)).GetProperty("learner");

        Assert.Equal(first.Id, firstAnswer.GetProperty("id").GetString());
        Assert.Equal(second.Id, secondAnswer.GetProperty("id").GetString());
        var fresh = (await server.GraphQl.DataAsync($"query($id: ID) {{ learner(id: $id) {{ name }} }} # {Guid.NewGuid():N}", new { id = second.Id }, scenario.AdminKey))
            .GetProperty("learner").GetProperty("name").GetString();
        Assert.Equal(fresh, secondAnswer.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Variables_are_checked_on_every_request_and_a_document_that_failed_validation_fails_it_again()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var query = $"query($n: Int) {{ learners(first: $n) {{ nodes {{ id }} }} }} # {Guid.NewGuid():N}";
        await server.GraphQl.DataAsync(query, new { n = 5 }, scenario.AdminKey);
        Assert.True(Documents.Find(query)?.Validated);

        var uncached = await server.GraphQl.ErrorAsync("GRAPHQL_VALIDATION_FAILED", $"query($n: Int) {{ learners(first: $n) {{ nodes {{ id }} }} }} # {Guid.NewGuid():N}", new { n = "many" }, scenario.AdminKey);
        var cached = await server.GraphQl.ErrorAsync("GRAPHQL_VALIDATION_FAILED", query, new { n = "many" }, scenario.AdminKey);
        Assert.Equal(uncached.GetProperty("message").GetString(), cached.GetProperty("message").GetString());

        var invalid = $"{{ learners(first: 1) {{ nodes {{ noSuchField }} }} }} # {Guid.NewGuid():N}";
        var once = await server.GraphQl.ErrorAsync("GRAPHQL_VALIDATION_FAILED", invalid, key: scenario.AdminKey);
        var again = await server.GraphQl.ErrorAsync("GRAPHQL_VALIDATION_FAILED", invalid, key: scenario.AdminKey);
        Assert.Contains("noSuchField", again.GetProperty("message").GetString());
        Assert.Equal(once.GetProperty("message").GetString(), again.GetProperty("message").GetString());
        Assert.False(Documents.Find(invalid)?.Validated ?? false);
    }

    [Fact]
    public async Task A_kept_document_is_priced_for_each_requests_own_variables()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var query = $"query($n: Int) {{ learners(first: $n) {{ nodes {{ id credentials(first: $n) {{ nodes {{ id }} }} }} }} }} # {Guid.NewGuid():N}";
        await server.GraphQl.DataAsync(query, new { n = 1 }, scenario.AdminKey);
        Assert.NotNull(Documents.Find(query));

        await server.GraphQl.ErrorAsync("QUERY_TOO_COMPLEX", query, new { n = 100 }, scenario.AdminKey);
    }

    [Fact]
    public void A_kept_documents_cost_is_worked_out_once_unless_a_variable_changes_it()
    {
        var schema = server.Cluster.Nodes[0].Services.GetRequiredService<CertGridSchema>();
        schema.Initialize();
        var (fixedCost, fixedOperation) = Read("query($id: ID) { learner(id: $id) { id credentials(first: 5) { nodes { id } } } }");
        var (varying, varyingOperation) = Read("query($n: Int) { learners(first: $n) { nodes { id } } }");

        Assert.False(OperationCostCalculator.Calculate(schema, fixedCost.Document, fixedOperation, null).DependsOnVariables);
        var once = fixedCost.CostOf(schema, fixedOperation, Variables("id", "lrn_1"));
        Assert.Equal(once, fixedCost.CostOf(schema, fixedOperation, Variables("id", "lrn_2")));
        Assert.Equal(OperationCostCalculator.Calculate(schema, fixedCost.Document, fixedOperation, null).Points, once);

        Assert.True(OperationCostCalculator.Calculate(schema, varying.Document, varyingOperation, null).DependsOnVariables);
        Assert.True(varying.CostOf(schema, varyingOperation, Variables("n", 1)) < varying.CostOf(schema, varyingOperation, Variables("n", 50)));
    }

    private static (ReadDocument Document, GraphQLOperationDefinition Operation) Read(string query)
    {
        var document = new ReadDocument(Parser.Parse(query));
        return (document, document.Document.Definitions.OfType<GraphQLOperationDefinition>().Single());
    }

    private static Inputs Variables(string name, object value) => new(new Dictionary<string, object?> { [name] = value });
}
