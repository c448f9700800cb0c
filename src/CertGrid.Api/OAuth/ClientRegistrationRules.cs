using System.Diagnostics.CodeAnalysis;

namespace CertGrid.Api.OAuth;

/// <summary>
/// What a client may register with (RFC 7591 section 2, OB 3.0 section 6.2), as the error RFC 7591 section 3.2.2
/// names: <c>invalid_redirect_uri</c> or <c>invalid_client_metadata</c>, with a sentence saying what is acceptable.
/// </summary>
public static class ClientRegistrationRules
{
    public const string InvalidRedirectUri = "invalid_redirect_uri";
    public const string InvalidClientMetadata = "invalid_client_metadata";
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public static readonly IReadOnlyList<string> AuthMethods = ["client_secret_basic", "client_secret_post", "none"];

    private const int MaxRedirectUris = 10;
    private const int MaxTextLength = 200;

    /// <summary>The registration with defaults filled in, or the error and its description.</summary>
    public static bool TryAccept(ClientRegistrationRequest request, [NotNullWhen(true)] out ClientRegistration? accepted, out (string Error, string Description) error)
    {
        accepted = null;
        error = default;
        var redirects = request.RedirectUris ?? [];
        if (redirects.Count is 0 or > MaxRedirectUris)
        {
            error = (InvalidRedirectUri, $"Register between 1 and {MaxRedirectUris} redirect_uris.");
            return false;
        }

        if (redirects.FirstOrDefault(uri => !IsAcceptableRedirect(uri)) is { } badRedirect)
        {
            error = (InvalidRedirectUri, $"The redirect URI '{Shorten(badRedirect)}' must be an absolute https URL (http only on a loopback address) without a fragment.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(request.ClientName) || request.ClientName.Length > MaxTextLength)
        {
            error = (InvalidClientMetadata, $"client_name is required: the name a learner sees on the consent page, at most {MaxTextLength} characters.");
            return false;
        }

        var uris = new[] { ("client_uri", request.ClientUri), ("logo_uri", request.LogoUri), ("tos_uri", request.TosUri), ("policy_uri", request.PolicyUri) };
        foreach (var (field, value) in uris)
        {
            if (value is not null && !IsWebUrl(value))
            {
                error = (InvalidClientMetadata, $"{field} must be an absolute http(s) URL.");
                return false;
            }
        }

        var method = request.TokenEndpointAuthMethod ?? "client_secret_basic";
        if (!AuthMethods.Contains(method))
        {
            error = (InvalidClientMetadata, $"token_endpoint_auth_method must be one of {string.Join(", ", AuthMethods)}.");
            return false;
        }

        var grants = request.GrantTypes ?? [AuthorizationCode];
        if (grants.Count == 0 || grants.Any(g => g is not (AuthorizationCode or RefreshToken)) || !grants.Contains(AuthorizationCode))
        {
            error = (InvalidClientMetadata, "grant_types must contain authorization_code and may contain refresh_token; nothing else is offered.");
            return false;
        }

        if (request.ResponseTypes is { } responses && (responses.Count == 0 || responses.Any(r => r != "code")))
        {
            error = (InvalidClientMetadata, "response_types may only be [\"code\"].");
            return false;
        }

        var scopes = request.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [.. OpenBadgesScopes.All];
        if (scopes.Length == 0 || scopes.Any(s => !OpenBadgesScopes.All.Contains(s)))
        {
            error = (InvalidClientMetadata, $"scope must list Open Badges 3.0 scopes ({string.Join(" ", OpenBadgesScopes.All)}).");
            return false;
        }

        accepted = new ClientRegistration(request.ClientName.Trim(), [.. redirects], method, [.. grants.Distinct()], [.. scopes.Distinct()]);
        return true;
    }

    private static bool IsAcceptableRedirect(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && string.IsNullOrEmpty(parsed.Fragment) && uri.Length <= 2000
        && (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback));

    private static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http" && value.Length <= 2000;

    private static string Shorten(string value) => value.Length > 100 ? value[..100] + "…" : value;
}

/// <summary>An accepted registration: what the client will be allowed.</summary>
public sealed record ClientRegistration(string Name, IReadOnlyList<string> RedirectUris, string AuthMethod, IReadOnlyList<string> GrantTypes, IReadOnlyList<string> Scopes)
{
    public bool IsPublic => AuthMethod == "none";
}
