namespace CertGrid.Api.Tests.Hosting;

/// <summary>The gateway-only role: the API as an Orleans client of a cluster of silos.</summary>
public sealed class GatewayRoleTests
{
    [Fact]
    public async Task An_api_only_gateway_serves_graphql_from_the_silos_it_does_not_host()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 1, gateways: 1);
        var viaGateway = cluster.GraphQl(1);
        var scenario = await CommunityScenario.CreateAsync(viaGateway);
        await scenario.DefinePublishedFrameworkAsync();
        var learner = await scenario.EnrolLearnerAsync();

        var fromSilo = await cluster.GraphQl(0).DataAsync("{ learner { id name } }", key: learner.Key);
        Assert.Equal(learner.Id, fromSilo.GetProperty("learner").GetProperty("id").GetString());
        Assert.Equal(1, await cluster.ActiveSiloCountAsync());
        using var ready = await cluster.CreateClient(1).GetAsync("/health/ready");
        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
    }
}
