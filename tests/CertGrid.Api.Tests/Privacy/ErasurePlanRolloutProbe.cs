namespace CertGrid.Api.Tests.Privacy;

/// <summary>
/// The erasure plan rollout each silo asks for 5 s after it starts (docs/privacy.md): read by the operator until it is done.
/// A test that compares the whole store before and after waits for it first, since it writes its own state meanwhile.
/// </summary>
public static class ErasurePlanRolloutProbe
{
    public const string Query = "{ erasurePlanRollout { plan done communitiesWalked erasedLearnersChecked completedAt } }";

    public static async Task<JsonElement> WhenDoneAsync(GraphQlClient graphQl)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = (await graphQl.DataAsync(Query, key: CertGridCluster.OperatorKey)).GetProperty("erasurePlanRollout");
            if (state.GetProperty("done").GetBoolean() || attempt == 60)
            {
                Assert.True(state.GetProperty("done").GetBoolean(), "The erasure plan rollout did not finish within a minute: " + state);
                return state;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
