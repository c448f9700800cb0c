using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CertGrid.Grains.Storage;
using CertGrid.Server.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertGrid.Api.Tests.Hosting;

/// <summary>What operators and probes call besides the API: health endpoints and the Orleans Dashboard behind the operator key.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class OperationsEndpointsTests(SharedServerFixture server)
{
    [Fact]
    public async Task Readiness_reports_storage_redis_and_cluster_membership_and_liveness_checks_nothing()
    {
        using var http = server.Cluster.CreateClient();
        using var ready = await http.GetAsync("/health/ready");
        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.True(ready.IsSuccessStatusCode, report.ToString());
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks");
        Assert.Equal(["cluster", "redis", "storage"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.Contains("is Active", checks.GetProperty("cluster").GetProperty("description").GetString());

        using var live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Empty(JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Storage_that_does_not_answer_makes_the_storage_check_unhealthy_instead_of_hanging()
    {
        var unreachable = new StorageOptions
        {
            ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                $"BlobEndpoint=http://127.0.0.1:{CertGrid.Testing.FreePort.Next()}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{CertGrid.Testing.FreePort.Next()}/devstoreaccount1;",
            MaxRetries = 0,
            RequestTimeout = TimeSpan.FromSeconds(1),
        };
        var result = await new StorageHealthCheck(new StorageClients(unreachable)).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("Azure Table storage", result.Description);
    }

    [Fact]
    public async Task The_orleans_dashboard_answers_the_operator_key_only()
    {
        var community = await CommunityScenario.CreateAsync(server.GraphQl);
        using var http = server.Cluster.CreateClient();

        using var anonymous = await http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, new AuthenticationHeaderValue("Bearer", community.AdminKey))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, Basic(CertGridCluster.OperatorKey + "x"))).StatusCode);

        using var operatorPage = await SendAsync(http, Basic(CertGridCluster.OperatorKey));
        Assert.Equal(HttpStatusCode.OK, operatorPage.StatusCode);
        Assert.Contains("text/html", operatorPage.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, new AuthenticationHeaderValue("Bearer", CertGridCluster.OperatorKey))).StatusCode);
    }

    private static AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + password)));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Authorization = authorization;
        return await http.SendAsync(request);
    }
}
