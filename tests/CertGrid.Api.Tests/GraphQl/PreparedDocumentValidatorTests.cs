using CertGrid.Api.GraphQl.Admission;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>
/// The prepared validator gives, for a document validated before, exactly what GraphQL.NET's validator gives with the
/// rules skipped: the same variables, argument values and directive values, and the same errors when a value does not
/// coerce. Each document runs several times with different variables, so a kept validation context never leaks one
/// request's values into the next. The schema has what the walk must follow: interfaces, unions, inline fragments,
/// fragments spread twice, directives, input objects, lists and defaults.
/// </summary>
public sealed class PreparedDocumentValidatorTests
{
    private const string Sdl = """
        interface Named { name(upper: Boolean = false): String }
        type Person implements Named { name(upper: Boolean = false): String friends(first: Int = 10, after: String): [Person] pet: Pet }
        type Dog implements Named { name(upper: Boolean = false): String barks(times: Int!): Boolean }
        type Cat implements Named { name(upper: Boolean = false): String lives(left: Int = 9): Int }
        union Pet = Dog | Cat
        input Filter { text: String, tags: [String!] = [], min: Int = 1 }
        type Query {
          person(id: ID!): Person
          search(filter: Filter!, first: Int = 20): [Named]
          pets(kind: String = "any", ids: [ID!]): [Pet]
          echo(text: String!, repeat: Int! = 1): String
        }
        """;

    private static readonly ISchema Schema = BuildSchema();

    public static TheoryData<string, string[]> Documents => new()
    {
        {
            "query($c: String!) { echo(text: $c) }",
            ["""{"c":"one"}""", """{"c":"two"}""", """{"c":"three"}"""]
        },
        {
            // A nullable variable where a value is required: coerced as non-null because of where it is used.
            "query($t: String) { echo(text: $t, repeat: 2) }",
            ["""{"t":"a"}""", """{"t":null}""", "{}", """{"t":"b"}"""]
        },
        {
            """
            query($id: ID!, $upper: Boolean = true, $first: Int, $withPet: Boolean!) {
              person(id: $id) {
                name(upper: $upper)
                ...Friends
                friends(first: 2) { ...Friends }
                pet @include(if: $withPet) {
                  ... on Dog { barks(times: 3) name }
                  ... on Cat { lives @skip(if: $upper) }
                  ... on Named { name(upper: $upper) }
                }
              }
            }
            fragment Friends on Person { friends(first: $first, after: "x") { name } }
            """,
            ["""{"id":"p1","withPet":true}""", """{"id":"p2","upper":false,"first":5,"withPet":false}""", """{"id":7,"first":"nope","withPet":true}""", """{"withPet":true}"""]
        },
        {
            """
            query($f: Filter!, $kinds: [ID!]) {
              search(filter: $f) { name ... on Person { friends { name } } }
              pets(ids: $kinds) { ... on Dog { barks(times: 1) } }
              more: search(filter: { text: "lit", tags: ["a", "b"] }, first: 3) { name }
            }
            """,
            ["""{"f":{"text":"x"},"kinds":["1","2"]}""", """{"f":{"tags":["t"],"min":4},"kinds":null}""", """{"f":{"tags":[null]}}""", """{"f":"not an object"}"""]
        },
        {
            "query Other { a: echo(text: \"no variables\") }\nquery($x: String!) { echo(text: $x) }",
            ["{}"]
        },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Gives_what_graphql_dotnets_validator_gives_for_every_request(string query, string[] variableSets)
    {
        var document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.None });
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().First();
        var fallback = new CountingValidator();
        var prepared = new PreparedDocumentValidator(fallback);
        var standard = new DocumentValidator();
        var refused = 0;

        // Twice round, so later requests use the contexts kept by earlier ones.
        foreach (var variables in variableSets.Concat(variableSets))
        {
            var expected = await standard.ValidateAsync(Options(document, operation, variables));
            var actual = await prepared.ValidateAsync(Options(document, operation, variables));

            Assert.Equal(Describe(expected), Describe(actual));
            refused += expected.IsValid ? 0 : 1;
        }

        // Only requests whose values do not coerce were handed to GraphQL.NET's validator as they are.
        Assert.Equal(refused, fallback.Calls);
    }

    [Fact]
    public async Task A_document_validated_with_rules_is_validated_by_graphql_dotnet_as_it_is()
    {
        // An unknown field is a rule's error: the prepared validator runs the rules when asked to.
        var document = Parser.Parse("query($c: String!) { echo(text: $c) nope }");
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var options = Options(document, operation, """{"c":"x"}""") with { Rules = null };

        var result = await new PreparedDocumentValidator().ValidateAsync(options);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, error => error.Message.Contains("nope", StringComparison.Ordinal));
    }

    /// <summary>GraphQL.NET's validator, counting the requests it is given.</summary>
    private sealed class CountingValidator : IDocumentValidator
    {
        private readonly DocumentValidator _inner = new();

        public int Calls { get; private set; }

        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            Calls++;
            return _inner.ValidateAsync(options);
        }
    }

    private static ValidationOptions Options(GraphQLDocument document, GraphQLOperationDefinition operation, string variables) => new()
    {
        Schema = Schema,
        Document = document,
        Operation = operation,
        Rules = [],
        Variables = new GraphQLSerializer().Deserialize<Inputs>(variables) ?? Inputs.Empty,
        Extensions = Inputs.Empty,
        UserContext = new Dictionary<string, object?>(),
    };

    /// <summary>Everything a validation result tells the executer, as text: errors, variables, arguments and directives by node.</summary>
    private static string Describe(IValidationResult result)
    {
        var lines = new List<string> { $"valid: {result.IsValid}" };
        lines.AddRange(result.Errors.Select(error => $"error: {error.Code} {error.Message}"));
        lines.AddRange((result.Variables ?? GraphQL.Validation.Variables.None).Select(v => $"variable {v.Name} = {Json(v.Value)} default={v.IsDefault} specified={v.ValueSpecified}"));
        lines.AddRange((result.ArgumentValues ?? new Dictionary<GraphQLField, IDictionary<string, GraphQL.Execution.ArgumentValue>>())
            .SelectMany(field => field.Value.Select(argument => $"argument {Where(field.Key)}.{argument.Key} = {Json(argument.Value.Value)} from {argument.Value.Source}")));
        lines.AddRange((result.DirectiveValues ?? new Dictionary<ASTNode, IDictionary<string, GraphQL.Execution.DirectiveInfo>>())
            .SelectMany(node => node.Value.Select(directive => $"directive {Where(node.Key)} @{directive.Key}({string.Join(", ", directive.Value.Arguments.Select(a => $"{a.Key}: {Json(a.Value.Value)}"))})")));
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private static string Where(ASTNode node) => $"{node.GetType().Name}@{node.Location.Start}";

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static GraphQL.Types.Schema BuildSchema()
    {
        // Only validated, never executed: the abstract types need a resolver to build, not a useful one.
        var schema = GraphQL.Types.Schema.For(Sdl, builder =>
        {
            builder.Types.For("Pet").ResolveType = _ => null!;
            builder.Types.For("Named").ResolveType = _ => null!;
        });
        schema.Initialize();
        return schema;
    }
}
