using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl.Schema;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Access;

/// <summary>
/// Every field of the schema, root or nested, query or mutation, declares who may resolve it; the checkpoint refuses
/// any field that does not, so this walk is what keeps a new field from shipping unreadable or unguarded.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class AccessRuleCoverageTests(SharedServerFixture server)
{
    [Fact]
    public void Every_field_of_every_type_declares_an_access_rule()
    {
        var schema = server.Cluster.Nodes[0].Services.GetRequiredService<CertGridSchema>();
        schema.Initialize();
        var types = schema.AllTypes.OfType<IObjectGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)).ToList();

        var missing = types.SelectMany(t => t.Fields.Where(f => f.Access() is null).Select(f => $"{t.Name}.{f.Name}")).ToList();

        Assert.True(missing.Count == 0, $"Fields without an access rule (declare one with .Authorize…, or AuthorizeOtherFieldsAsParent for a type's plain fields):\n{string.Join('\n', missing)}");
        Assert.Contains(types, t => t.Name == "Mutation");
        Assert.Contains(types, t => t.Name == "CriterionResult");
        Assert.True(types.Count > 100, $"The walk should cover every object type, nested ones included; it saw {types.Count}.");
    }

    [Fact]
    public void Root_fields_decide_by_key_and_nested_details_by_their_object()
    {
        var schema = server.Cluster.Nodes[0].Services.GetRequiredService<CertGridSchema>();
        schema.Initialize();
        var attempt = (IObjectGraphType)schema.AllTypes["Attempt"]!;
        Assert.Same(AccessRules.Admins, Rule(schema.Mutation!, "issueApiKey").Rule);
        Assert.Same(AccessRules.Anyone, Rule(schema.Query!, "verifyCredential").Rule);
        Assert.Equal(AccessDenial.Hide, Rule(attempt, "learnerId").Denial);
        Assert.NotNull(Rule(attempt, "reviews").VisibleItem);
        Assert.Same(AccessRules.AsParent, Rule(attempt, "submittedAt").Rule);
        Assert.Equal(AccessDenial.NotFound, Rule(schema.Query!, "assessmentPolicy").Denial);
    }

    private static FieldAccessRule Rule(IObjectGraphType type, string field) => type.GetField(field)!.Access()!;
}
