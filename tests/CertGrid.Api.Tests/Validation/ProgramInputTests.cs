namespace CertGrid.Api.Tests.Validation;

/// <summary>Admins' program definitions are validated field by field; a refused change leaves nothing behind.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class ProgramInputTests(SharedServerFixture server)
{
    private const string DefineCredential = "mutation($input: DefineCredentialInput!) { defineCredential(input: $input) { id } }";

    [Fact]
    public async Task Text_fields_are_checked_for_length_and_form()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var error = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id } }",
            new { input = new { name = new string('x', 201), email = "a@example.org" } }, scenario.AdminKey);
        Assert.Equal("input.name", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Contains("200", error.GetProperty("message").GetString());

        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id } }",
            new { input = new { name = "Ada", email = "not-an-email" } }, scenario.AdminKey);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation { createCommunity(input: { id: \"Bad Slug!\", name: \"x\" }) { adminKey } }", key: CertGridCluster.OperatorKey);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "query { learner(id: \"../../etc\") { id } }", key: scenario.AdminKey);
    }

    [Fact]
    public async Task An_unknown_enum_value_is_refused_by_the_schema()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var frameworkId = await scenario.DefinePublishedFrameworkAsync();
        var input = JsonSerializer.SerializeToNode(CommunityScenario.CredentialInput(frameworkId))!;
        input["tier"] = "LEGENDARY";
        await server.GraphQl.ErrorAsync("GRAPHQL_VALIDATION_FAILED", DefineCredential, new { input }, scenario.AdminKey);
    }

    [Fact]
    public async Task A_rubric_must_align_to_the_framework_and_have_sound_levels()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var frameworkId = await scenario.DefinePublishedFrameworkAsync();

        var unknownCompetency = JsonSerializer.SerializeToNode(CommunityScenario.CredentialInput(frameworkId))!;
        unknownCompetency["criteria"]![0]!["competencyCodes"] = new System.Text.Json.Nodes.JsonArray("NOPE-9");
        var error = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", DefineCredential, new { input = unknownCompetency }, scenario.AdminKey);
        Assert.Contains("NOPE-9", error.GetProperty("message").GetString());

        var oneLevel = JsonSerializer.SerializeToNode(CommunityScenario.CredentialInput(frameworkId))!;
        oneLevel["criteria"]![1]!["levels"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "Only", ["points"] = 1 });
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", DefineCredential, new { input = oneLevel }, scenario.AdminKey);

        var threshold = JsonSerializer.SerializeToNode(CommunityScenario.CredentialInput(frameworkId))!;
        threshold["passThresholdPercent"] = 150;
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", DefineCredential, new { input = threshold }, scenario.AdminKey);

        var program = await server.GraphQl.DataAsync("{ program { credentials { id } } }", key: scenario.AdminKey);
        Assert.Empty(program.GetProperty("program").GetProperty("credentials").EnumerateArray());
    }

    [Fact]
    public async Task Publication_follows_the_rules_and_published_things_never_change()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var draftFramework = (await server.GraphQl.DataAsync("mutation { defineFramework(input: { name: \"Draft\", competencies: [{ code: \"OBS-1\", name: \"O\", outcomes: [\"x\"] }, { code: \"INC-1\", name: \"I\", outcomes: [\"y\"] }] }) { id } }",
            key: scenario.AdminKey)).GetProperty("defineFramework").GetProperty("id").GetString()!;
        var credential = await scenario.DefineCredentialAsync(draftFramework, publish: false);
        var error = await server.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($id: ID!) { publishCredential(id: $id) { status } }", new { id = credential }, scenario.AdminKey);
        Assert.Contains("must be published", error.GetProperty("message").GetString());

        await server.GraphQl.DataAsync("mutation($id: ID!) { publishFramework(id: $id) { status } }", new { id = draftFramework }, scenario.AdminKey);
        var published = await server.GraphQl.DataAsync("mutation($id: ID!) { publishCredential(id: $id) { status frameworkVersion } }", new { id = credential }, scenario.AdminKey);
        Assert.Equal("1.0.0", published.GetProperty("publishCredential").GetProperty("frameworkVersion").GetString());
        await server.GraphQl.ErrorAsync("CONFLICT", "mutation($id: ID!) { defineFramework(input: { id: $id, name: \"Changed\", competencies: [{ code: \"X\", name: \"X\", outcomes: [\"x\"] }] }) { id } }",
            new { id = draftFramework }, scenario.AdminKey);
    }
}
