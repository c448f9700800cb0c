using System.Security.Cryptography;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Notices;

/// <summary>The checks a webhook endpoint passes when an admin registers it.</summary>
public static class WebhookEndpointRules
{
    public const int MaxEndpointsPerCommunity = 10;
    public const int MinSecretLength = 24;
    public const int MaxSecretLength = 200;

    /// <summary>
    /// An absolute https URL (http only where allowed, for local receivers), without credentials or a fragment, and
    /// unless private networks are allowed, not naming an internal host (localhost or an internal IP literal; names
    /// are checked again against what they resolve to at every delivery).
    /// </summary>
    public static Uri RequireUrl(string? value, bool allowHttp, bool allowPrivateNetworks, string field = "input.url")
    {
        var text = InputRules.RequireText(value, field, 2000);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw CertGridException.Invalid(field, allowHttp
                ? $"'{field}' must be an absolute http(s) URL without credentials or fragment."
                : $"'{field}' must be an absolute https URL without credentials or fragment.");
        }

        if (!allowPrivateNetworks && (uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.IdnHost, out var ip) && !NetworkAddressRules.IsPublic(ip))))
        {
            throw CertGridException.Invalid(field, $"'{field}' names an internal address ({uri.Host}); webhooks are delivered only to public internet addresses.");
        }

        return uri;
    }

    /// <summary>The given secret (checked), or a new random one: <c>whsec_</c> + 32 random bytes in base64url.</summary>
    public static string SecretOrNew(string? secret, string field = "input.secret")
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        var value = InputRules.RequireText(secret, field, MaxSecretLength, MinSecretLength);
        return value.Any(char.IsWhiteSpace)
            ? throw CertGridException.Invalid(field, $"'{field}' must not contain spaces.")
            : value;
    }
}
