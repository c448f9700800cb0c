namespace CertGrid.Api.OAuth;

/// <summary>Where the OB 3.0 API's authorization server answers.</summary>
public static class OAuthRoutes
{
    public const string Prefix = "/oauth";
    public const string Register = Prefix + "/register";
    public const string Authorize = Prefix + "/authorize";
    public const string Token = Prefix + "/token";
    public const string Revoke = Prefix + "/revoke";
}
