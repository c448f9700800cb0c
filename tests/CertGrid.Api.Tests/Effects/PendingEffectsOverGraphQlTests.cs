namespace CertGrid.Api.Tests.Effects;

/// <summary>
/// Operators list the grains whose changes still have effects to apply: a change that caused effects marks its grain
/// in its own community only, admins and the platform operator may read the list, and nobody else. (The community is
/// new, so its first sweep, which removes the marks of settled grains, is still a minute away.)
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class PendingEffectsOverGraphQlTests(SharedServerFixture server)
{
    private const string Query = "query($c: ID) { pendingEffects(first: 100, community: $c) { nodes { grainId pending failingEffect attempts stuck } } }";

    [Fact]
    public async Task A_change_with_effects_lists_its_grain_in_its_own_community_for_admins_and_the_operator_only()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var other = await CommunityScenario.CreateAsync(server.GraphQl);
        var (learnerId, learnerKey) = await scenario.EnrolLearnerAsync();

        var listed = Nodes(await server.GraphQl.DataAsync(Query, new { c = (string?)null }, scenario.AdminKey));
        var learner = Assert.Single(listed, n => n.GetProperty("grainId").GetString()!.EndsWith($"{scenario.Community}/{learnerId}", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, learner.GetProperty("failingEffect").ValueKind);
        Assert.False(learner.GetProperty("stuck").GetBoolean());
        Assert.DoesNotContain(Nodes(await server.GraphQl.DataAsync(Query, new { c = (string?)null }, other.AdminKey)),
            n => n.GetProperty("grainId").GetString()!.Contains(scenario.Community, StringComparison.Ordinal));

        var byOperator = Nodes(await server.GraphQl.DataAsync(Query, new { c = scenario.Community }, CertGridCluster.OperatorKey));
        Assert.Contains(byOperator, n => n.GetProperty("grainId").GetString() == learner.GetProperty("grainId").GetString());
        await server.GraphQl.ErrorAsync("FORBIDDEN", Query, new { c = (string?)null }, learnerKey);
    }

    private static List<JsonElement> Nodes(JsonElement data) => data.GetProperty("pendingEffects").GetProperty("nodes").EnumerateArray().ToList();
}
