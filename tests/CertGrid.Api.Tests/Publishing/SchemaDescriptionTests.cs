using System.Text.Json.Nodes;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>
/// Issue 15.6: every type, field, argument, input field and enum value of the schema a partner's developer browses carries
/// a description, and every deprecation says why. The walk reads the live endpoint's introspection, as GraphiQL and
/// code generators do, so a description lost anywhere between a graph type and the wire fails it.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class SchemaDescriptionTests(SharedServerFixture server)
{
    /// <summary>Types read per request: the whole schema in one introspection query is refused as too complex today.</summary>
    private const int TypesPerRequest = 15;

    [Fact]
    public async Task Every_element_of_the_live_schema_has_a_description_and_every_deprecation_a_reason()
    {
        var schema = await IntrospectAsync();

        var problems = SchemaDescriptionAudit.Problems(schema);

        Assert.True(problems.Count == 0,
            $"{problems.Count} schema elements need a description a partner's developer can use (what it is, its unit or format, when it is null, " +
            $"who may read it); the first ones:\n{string.Join('\n', problems.Take(15))}");
        var types = schema.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.True(types.Count > 150, $"The walk should see every type of the schema; it saw {types.Count}.");
        Assert.Contains("IssuedCredential", types);
        Assert.Contains("DefineCredentialInput", types);
        Assert.Contains(schema.GetProperty("types").EnumerateArray(), t => t.GetProperty("name").GetString() == "Query" && t.GetProperty("fields").GetArrayLength() > 50);
    }

    [Fact]
    public void The_walk_names_each_undocumented_element_by_its_coordinate()
    {
        using var introspection = JsonDocument.Parse("""
            { "types": [
                { "name": "__Type", "kind": "OBJECT", "description": null, "fields": [ { "name": "kind", "description": null, "args": [] } ] },
                { "name": "Learner", "kind": "OBJECT", "description": "A learner enrolled in the community.",
                  "fields": [
                    { "name": "name", "description": "The learner's full name.", "isDeprecated": false, "deprecationReason": null, "args": [] },
                    { "name": "email", "description": "  ", "isDeprecated": false, "deprecationReason": null, "args": [] },
                    { "name": "learnerId", "description": "Learner id.", "isDeprecated": false, "deprecationReason": null, "args": [] },
                    { "name": "attempts", "description": "The learner's attempts, newest first.", "isDeprecated": true, "deprecationReason": "No longer supported",
                      "args": [ { "name": "first", "description": null } ] } ],
                  "inputFields": null, "enumValues": null },
                { "name": "EnrolLearnerInput", "kind": "INPUT_OBJECT", "description": null, "fields": null,
                  "inputFields": [ { "name": "organisation", "description": null } ], "enumValues": null },
                { "name": "Role", "kind": "ENUM", "description": "What a key may do.", "fields": null, "inputFields": null,
                  "enumValues": [ { "name": "LEARNER", "description": "A learner's own key.", "isDeprecated": false, "deprecationReason": null },
                                  { "name": "PARTNER", "description": null, "isDeprecated": true, "deprecationReason": "Use PARTNER_ORGANISATION." } ] } ],
              "directives": [ { "name": "include", "description": "Includes a field when 'if' is true.", "args": [ { "name": "if", "description": "" } ] } ] }
            """);

        var problems = SchemaDescriptionAudit.Problems(introspection.RootElement);

        Assert.Equal(
        [
            "Learner.email (no description)",
            "Learner.learnerId (its description only restates its name: 'Learner id.')",
            "Learner.attempts (deprecated without a reason: say what to use instead)",
            "Learner.attempts(first) (no description)",
            "EnrolLearnerInput (no description)",
            "EnrolLearnerInput.organisation (no description)",
            "Role.PARTNER (no description)",
            "@include(if) (no description)",
        ], problems);
    }

    /// <summary>The schema as one <c>__schema</c> element: the outline, then every type read in batches.</summary>
    private async Task<JsonElement> IntrospectAsync()
    {
        var client = server.Cluster.GraphQl();
        var outline = (await client.DataAsync(SchemaDescriptionAudit.OutlineQuery)).GetProperty("__schema");
        var names = outline.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        var types = new JsonArray();
        foreach (var batch in names.Chunk(TypesPerRequest))
        {
            var data = await client.DataAsync(SchemaDescriptionAudit.TypesQuery(batch));
            for (var i = 0; i < batch.Length; i++)
            {
                types.Add(JsonNode.Parse(data.GetProperty($"t{i}").GetRawText()));
            }
        }

        var schema = new JsonObject { ["types"] = types, ["directives"] = JsonNode.Parse(outline.GetProperty("directives").GetRawText()) };
        return JsonSerializer.SerializeToElement(schema);
    }
}
