using CertGrid.Domain.Errors;
using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Domain.Notices.Email;

/// <summary>
/// The signed token of an unsubscribe link: <c>v1.{base64url("community|personId|topic")}.{base64url(HMAC-SHA256)}</c>,
/// keyed with the deployment's link key (<c>Email:LinkKey</c>). It names one person (a learner or an evaluator) and one topic, so a link in one
/// email can only stop that person's emails of that topic, and it does not expire: an unsubscribe link must work for
/// as long as the email is kept.
/// </summary>
public sealed record UnsubscribeToken(string Community, string PersonId, EmailTopic Topic)
{
    public const string Field = "token";
    private const string Version = "v1";
    private const int MaxLength = 600;

    public string Sign(byte[] key)
    {
        var payload = Encoding.UTF8.GetBytes($"{Community}|{PersonId}|{Topic}");
        return $"{Version}.{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The person and topic a token names; VALIDATION_FAILED (field <c>token</c>) for anything not signed with <paramref name="key"/>.</summary>
    public static UnsubscribeToken Read(byte[] key, string? token)
    {
        var parts = (token ?? string.Empty).Trim().Split('.');
        if (token is null || token.Length > MaxLength || parts.Length != 3 || parts[0] != Version
            || FromBase64Url(parts[1]) is not { } payload || FromBase64Url(parts[2]) is not { } mac
            || !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), mac))
        {
            throw CertGridException.Invalid(Field,
                "This unsubscribe link is not valid: it may have been cut short or changed. Copy the whole link from the email, or change your email preferences after signing in.");
        }

        var fields = Encoding.UTF8.GetString(payload).Split('|');
        return fields.Length == 3 && Enum.TryParse<EmailTopic>(fields[2], out var topic) && Enum.IsDefined(topic)
            ? new UnsubscribeToken(fields[0], fields[1], topic)
            : throw CertGridException.Invalid(Field, "This unsubscribe link names an email topic CertGrid no longer sends; there is nothing to unsubscribe from.");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return text.Length == 0 ? null : Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
