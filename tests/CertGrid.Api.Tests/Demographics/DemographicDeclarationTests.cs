using Bogus;

namespace CertGrid.Api.Tests.Demographics;

/// <summary>
/// Declared demographic attributes over GraphQL: the community defines them, a learner declares, reads and withdraws only
/// their own, and nobody else — an admin, a partner, another learner — can read a declaration or find it in the learner's
/// profile or the audit log.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class DemographicDeclarationTests(SharedServerFixture server)
{
    private const string Define = """
        mutation($values: [String!]!) {
          defineDemographicAttribute(input: { code: "age-band", values: $values, labels: [{ language: "en", text: "Age band" }, { language: "fr", text: "Tranche d'âge" }] }) { code values labels { language text } }
        }
        """;

    private const string Declare = "mutation($values: [DeclaredValueInput!]!) { declareDemographics(values: $values) { attribute value } }";
    private const string Mine = "query { myDemographicDeclaration { attribute value } }";

    [Fact]
    public async Task Only_the_learner_reads_their_declaration_and_admins_partners_and_other_learners_cannot()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var faker = new Faker { Random = new Randomizer(18) };
        var values = new[] { "age-under-30", "age-30-to-49", "age-50-plus" };
        var defined = (await server.GraphQl.DataAsync(Define, new { values }, scenario.AdminKey)).GetProperty("defineDemographicAttribute");
        Assert.Equal("Tranche d'âge", defined.GetProperty("labels")[1].GetProperty("text").GetString());

        var (learnerId, learnerKey) = await scenario.EnrolLearnerAsync(faker.Internet.Email());
        var other = await scenario.EnrolLearnerAsync(faker.Internet.Email());
        var partner = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        var declared = faker.PickRandom(values);
        var answer = (await server.GraphQl.DataAsync(Declare, new { values = new[] { new { attribute = "age-band", value = declared } } }, learnerKey)).GetProperty("declareDemographics");
        Assert.Equal(declared, answer[0].GetProperty("value").GetString());
        Assert.Equal(declared, (await server.GraphQl.DataAsync(Mine, null, learnerKey)).GetProperty("myDemographicDeclaration")[0].GetProperty("value").GetString());

        // Another learner sees only their own (nothing); admins and partners cannot ask at all.
        Assert.Equal(0, (await server.GraphQl.DataAsync(Mine, null, other.Key)).GetProperty("myDemographicDeclaration").GetArrayLength());
        await server.GraphQl.ErrorAsync("FORBIDDEN", Mine, null, scenario.AdminKey);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Mine, null, partner);
        await server.GraphQl.ErrorAsync("UNAUTHENTICATED", Mine);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Declare, new { values = new[] { new { attribute = "age-band", value = declared } } }, scenario.AdminKey);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Define, new { values }, learnerKey);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Define, new { values }, partner);

        // Not in the learner's profile as an admin reads it, nor in the audit log.
        var profile = await server.GraphQl.DataAsync("query($id: ID!) { learner(id: $id) { id name email organisation } }", new { id = learnerId }, scenario.AdminKey);
        Assert.DoesNotContain(declared, profile.GetRawText(), StringComparison.Ordinal);
        var audit = (await server.GraphQl.DataAsync("query { auditLogJsonLines { jsonLines } }", null, scenario.AdminKey)).GetProperty("auditLogJsonLines").GetProperty("jsonLines").GetString()!;
        Assert.Contains("demographics.declared", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(declared, audit, StringComparison.Ordinal);

        // Values outside the definition are refused with the allowed ones; withdrawing leaves nothing.
        var wrong = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Declare, new { values = new[] { new { attribute = "age-band", value = "ancient" } } }, learnerKey);
        Assert.Contains("age-under-30, age-30-to-49, age-50-plus", wrong.GetProperty("message").GetString(), StringComparison.Ordinal);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Declare, new { values = new[] { new { attribute = "religion", value = "x" } } }, learnerKey);
        Assert.True((await server.GraphQl.DataAsync("mutation { withdrawDemographics }", null, learnerKey)).GetProperty("withdrawDemographics").GetBoolean());
        Assert.Equal(0, (await server.GraphQl.DataAsync(Mine, null, learnerKey)).GetProperty("myDemographicDeclaration").GetArrayLength());
        Assert.Contains("demographics.withdrawn", (await server.GraphQl.DataAsync("query { auditLogJsonLines { jsonLines } }", null, scenario.AdminKey))
            .GetProperty("auditLogJsonLines").GetProperty("jsonLines").GetString()!, StringComparison.Ordinal);
    }
}
