namespace CertGrid.Domain.Retries;

/// <summary>
/// The value of an <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header): a Structured
/// Field string (<c>"8e03978e-…"</c>); the bare token most clients send is accepted too. 1–255 visible ASCII
/// characters; anything else is refused rather than silently ignored.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 255;

    public const string Rule = "An Idempotency-Key is 1 to 255 visible ASCII characters (a UUID is a good choice), sent once, optionally in double quotes.";

    /// <summary>The key in a header value, or null when the value is not an acceptable key.</summary>
    public static string? Parse(string? headerValue)
    {
        var value = headerValue?.Trim();
        if (value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return null;
        }

        foreach (var c in value)
        {
            // Visible ASCII only; quotes and backslashes would need escaping inside an sf-string.
            if (c is < '!' or > '~' or '"' or '\\')
            {
                return null;
            }
        }

        return value;
    }
}
