using Microsoft.Extensions.Configuration;

namespace CertGrid.Api.Redis;

/// <summary>
/// Redis for what gateway replicas share: rate-limit counters and the API-key cache (section <c>Redis</c>;
/// the connection string may also come from <c>ConnectionStrings:Redis</c>). Leave it empty to run one
/// gateway with in-process fallbacks. In Azure, set <c>Endpoint</c> and <c>UseEntraId</c> to authenticate
/// with the managed identity instead of an access key.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>host:port of a TLS endpoint that uses Microsoft Entra ID (Azure Managed Redis).</summary>
    public string? Endpoint { get; set; }

    public bool UseEntraId { get; set; }

    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The section, with <c>ConnectionStrings:Redis</c> as the connection string when the section has none.</summary>
    public static RedisOptions From(IConfiguration configuration)
    {
        var redis = new RedisOptions();
        configuration.GetSection(SectionName).Bind(redis);
        redis.ConnectionString ??= configuration.GetConnectionString("Redis");
        return redis;
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(Endpoint);
}
