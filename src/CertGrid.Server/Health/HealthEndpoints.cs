using System.Text.Json;
using CertGrid.Api.Redis;
using CertGrid.Grains.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CertGrid.Server.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no checks: a probe that restarts the container must not fail on a
/// dependency). <c>/health/ready</c>: storage, Redis and cluster membership, checked in parallel, each within
/// <see cref="CheckTimeout"/> so the whole answer fits a 3 s probe. Redis down is <c>Degraded</c> (still 200): the API
/// keeps serving with per-process rate limits, and one shared dependency must not take every replica out of service.
/// </summary>
public static class HealthEndpoints
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);
    private const string ReadinessTag = "ready";

    public static IServiceCollection AddCertGridHealthChecks(this IServiceCollection services, StorageClients storage, RedisOptions redis)
    {
        var checks = services.AddHealthChecks()
            .AddCheck("storage", new StorageHealthCheck(storage), HealthStatus.Unhealthy, [ReadinessTag], CheckTimeout)
            .AddCheck<ClusterMembershipHealthCheck>("cluster", HealthStatus.Unhealthy, [ReadinessTag], CheckTimeout);
        if (redis.IsConfigured)
        {
            checks.AddRedis(services => services.GetRequiredService<RedisConnection>().Multiplexer, "redis", HealthStatus.Degraded, [ReadinessTag], CheckTimeout);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapCertGridHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessTag), ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary>A JSON report an operator can read: the overall status, and each check's status, description and time.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }));
    }
}
