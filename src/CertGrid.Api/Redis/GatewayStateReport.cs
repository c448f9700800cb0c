using CertGrid.Api.Access;
using CertGrid.Api.RateLimiting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.Redis;

/// <summary>Says at start-up where the gateway keeps what replicas share, so an operator never has to guess.</summary>
internal sealed class GatewayStateReport(IOptions<RedisOptions> redis, IApiKeyCache cache, IRequestRateLimiter limiter, ILogger<GatewayStateReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.Value.IsConfigured)
        {
            logger.LogInformation("Redis ({Endpoint}) backs the rate limits ({Limiter}) and the API-key cache ({Cache}) shared by gateway replicas",
                redis.Value.Endpoint ?? RedactPassword(redis.Value.ConnectionString!), limiter.GetType().Name, cache.GetType().Name);
        }
        else
        {
            logger.LogWarning(
                "Redis is not configured (ConnectionStrings:Redis or Redis:Endpoint): using in-process rate limits and API-key cache. " +
                "This is fine for one gateway; with several replicas each counts its own limits and a revoked key may work for up to {Lifetime} s more on other replicas",
                InProcessApiKeyCache.Lifetime.TotalSeconds);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string RedactPassword(string connectionString) =>
        string.Join(',', connectionString.Split(',').Select(p => p.Trim().StartsWith("password=", StringComparison.OrdinalIgnoreCase) ? "password=***" : p));
}
