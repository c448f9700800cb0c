using System.Text.Json.Serialization;

namespace CertGrid.Api.OAuth;

/// <summary>An RFC 7591 client registration request with the metadata the OB 3.0 API names (section 6.2).</summary>
public sealed record ClientRegistrationRequest(
    [property: JsonPropertyName("client_name")] string? ClientName,
    [property: JsonPropertyName("client_uri")] string? ClientUri,
    [property: JsonPropertyName("logo_uri")] string? LogoUri,
    [property: JsonPropertyName("tos_uri")] string? TosUri,
    [property: JsonPropertyName("policy_uri")] string? PolicyUri,
    [property: JsonPropertyName("software_id")] string? SoftwareId,
    [property: JsonPropertyName("software_version")] string? SoftwareVersion,
    [property: JsonPropertyName("redirect_uris")] IReadOnlyList<string>? RedirectUris,
    [property: JsonPropertyName("token_endpoint_auth_method")] string? TokenEndpointAuthMethod,
    [property: JsonPropertyName("grant_types")] IReadOnlyList<string>? GrantTypes,
    [property: JsonPropertyName("response_types")] IReadOnlyList<string>? ResponseTypes,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("contacts")] IReadOnlyList<string>? Contacts);
