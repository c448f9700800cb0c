using System.Text.Json;

namespace CertGrid.Api.OAuth;

/// <summary>What every record of the authorization server has: its id and the stored version it was read at.</summary>
public abstract class OAuthEntity
{
    public string? Id { get; set; }

    /// <summary>The stored version (OpenIddict's concurrency token); null before the record is first stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Version { get; set; }

    public Dictionary<string, JsonElement> Properties { get; set; } = [];
}

/// <summary>A client registered through RFC 7591 dynamic registration (OpenIddict's application).</summary>
public sealed class OAuthApplication : OAuthEntity
{
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? ClientType { get; set; }
    public string? ApplicationType { get; set; }
    public string? ConsentType { get; set; }
    public string? DisplayName { get; set; }
    public Dictionary<string, string> DisplayNames { get; set; } = [];
    public string? JsonWebKeySet { get; set; }
    public List<string> Permissions { get; set; } = [];
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    public List<string> Requirements { get; set; } = [];
    public Dictionary<string, string> Settings { get; set; } = [];
}

/// <summary>A learner's consent to a client for some scopes (OpenIddict's authorization).</summary>
public sealed class OAuthAuthorization : OAuthEntity
{
    public string? ApplicationId { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public List<string> Scopes { get; set; } = [];
    public string? Status { get; set; }
    public string? Subject { get; set; }
    public string? Type { get; set; }
}

/// <summary>An authorization code, access or refresh token's entry (OpenIddict's token): what revocation flips.</summary>
public sealed class OAuthToken : OAuthEntity
{
    public string? ApplicationId { get; set; }
    public string? AuthorizationId { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public DateTimeOffset? ExpirationDate { get; set; }
    public string? Payload { get; set; }
    public DateTimeOffset? RedemptionDate { get; set; }
    public string? ReferenceId { get; set; }
    public string? Status { get; set; }
    public string? Subject { get; set; }
    public string? Type { get; set; }
}
