using System.Security.Cryptography;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Notices;

/// <summary>The checks a webhook endpoint passes when an admin registers it.</summary>
public static class WebhookEndpointRules
{
    public const int MaxEndpointsPerCommunity = 10;
    public const int MinSecretLength = 24;
    public const int MaxSecretLength = 200;

    /// <summary>An absolute https URL (http only where allowed, for local receivers), without credentials or a fragment.</summary>
    public static Uri RequireUrl(string? value, bool allowHttp, string field = "input.url")
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
