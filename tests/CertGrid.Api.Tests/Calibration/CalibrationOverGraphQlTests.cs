namespace CertGrid.Api.Tests.Calibration;

/// <summary>
/// Calibration over GraphQL: admins set the policy, publish exercises and read every evaluator's standing; evaluators get
/// exercises blind and score them; learners and partners see none of it.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class CalibrationOverGraphQlTests(SharedServerFixture server)
{
    private const string Publish = """
        mutation($input: PublishCalibrationExerciseInput!) { publishCalibrationExercise(input: $input) { id exemplars { title referenceLevels { criterionCode level } } } }
        """;

    private const string Exercises = "{ calibrationExercises { id title exemplars { title content referenceLevels { level } } rubric { criteria { code } } } }";

    private const string Standings = "{ evaluatorCalibration { evaluatorId standing { status reason } results { exact adjacent passed } recentLevels } }";

    [Fact]
    public async Task Admins_publish_and_read_standings_evaluators_score_blind_and_learners_and_partners_see_nothing()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var credentialId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var policy = await server.GraphQl.DataAsync(
            "mutation($input: CalibrationPolicyInput!) { setCalibrationPolicy(input: $input) { required passingExact driftWindow } }",
            new { input = new { required = true, passingExact = 0.5 } }, scenario.AdminKey);
        Assert.True(policy.GetProperty("setCalibrationPolicy").GetProperty("required").GetBoolean());
        Assert.Equal(20, policy.GetProperty("setCalibrationPolicy").GetProperty("driftWindow").GetInt32());

        var input = new
        {
            title = "Postmortems",
            credentialId,
            exemplars = new[]
            {
                new { title = "A thorough postmortem", content = "Timeline, impact, causes, actions.", referenceLevels = new[] { new { criterionCode = "C1", level = "Proficient" }, new { criterionCode = "C2", level = "Exemplary" } } },
                new { title = "A thin runbook", content = "Restart the service.", referenceLevels = new[] { new { criterionCode = "C1", level = "Not yet" }, new { criterionCode = "C2", level = "Developing" } } },
            },
        };
        var published = (await server.GraphQl.DataAsync(Publish, new { input }, scenario.AdminKey)).GetProperty("publishCalibrationExercise");
        var exerciseId = published.GetProperty("id").GetString()!;
        Assert.StartsWith("cex_", exerciseId, StringComparison.Ordinal);

        var wrongLevel = new { input = input with { exemplars = [input.exemplars[0] with { referenceLevels = [new { criterionCode = "C1", level = "Legendary" }, input.exemplars[0].referenceLevels[1]] }] } };
        var refused = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Publish, wrongLevel, scenario.AdminKey);
        Assert.Contains("pick one of", refused.GetProperty("message").GetString(), StringComparison.Ordinal);

        var evaluator = await scenario.RegisterEvaluatorAsync();
        var blind = (await server.GraphQl.DataAsync(Exercises, null, evaluator.Key)).GetProperty("calibrationExercises")[0];
        Assert.All(blind.GetProperty("exemplars").EnumerateArray(), e => Assert.Equal(System.Text.Json.JsonValueKind.Null, e.GetProperty("referenceLevels").ValueKind));
        var admin = (await server.GraphQl.DataAsync(Exercises, null, scenario.AdminKey)).GetProperty("calibrationExercises")[0];
        Assert.Equal("Exemplary", admin.GetProperty("exemplars")[0].GetProperty("referenceLevels")[1].GetProperty("level").GetString());

        var scores = new object[]
        {
            new { exemplar = 0, criterionCode = "C1", level = "Proficient" }, new { exemplar = 0, criterionCode = "C2", level = "Proficient" },
            new { exemplar = 1, criterionCode = "C1", level = "Not yet" }, new { exemplar = 1, criterionCode = "C2", level = "Developing" },
        };
        var result = (await server.GraphQl.DataAsync(
            "mutation($id: ID!, $scores: [CalibrationScoreInput!]!) { submitCalibration(exerciseId: $id, scores: $scores) { exact adjacent passed meanGap } }",
            new { id = exerciseId, scores }, evaluator.Key)).GetProperty("submitCalibration");
        Assert.Equal(0.75, result.GetProperty("exact").GetDouble());
        Assert.True(result.GetProperty("passed").GetBoolean());
        Assert.Equal(-0.25, result.GetProperty("meanGap").GetDouble());

        var standing = (await server.GraphQl.DataAsync(Standings, null, scenario.AdminKey)).GetProperty("evaluatorCalibration");
        var mine = standing.EnumerateArray().Single(e => e.GetProperty("evaluatorId").GetString() == evaluator.Id);
        Assert.Equal("CALIBRATED", mine.GetProperty("standing").GetProperty("status").GetString());

        var learner = await scenario.EnrolLearnerAsync();
        var partner = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        foreach (var key in new[] { learner.Key, partner })
        {
            await server.GraphQl.ErrorAsync("FORBIDDEN", Exercises, null, key);
            await server.GraphQl.ErrorAsync("FORBIDDEN", Standings, null, key);
            await server.GraphQl.ErrorAsync("FORBIDDEN", "{ calibrationPolicy { required } }", null, key);
        }

        await server.GraphQl.ErrorAsync("FORBIDDEN", Standings, null, evaluator.Key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation($input: PublishCalibrationExerciseInput!) { publishCalibrationExercise(input: $input) { id } }", new { input }, evaluator.Key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation($id: ID!, $scores: [CalibrationScoreInput!]!) { submitCalibration(exerciseId: $id, scores: $scores) { exact } }",
            new { id = exerciseId, scores }, learner.Key);
    }
}
