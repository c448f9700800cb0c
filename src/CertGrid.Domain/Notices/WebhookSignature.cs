using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Domain.Notices;

/// <summary>
/// Webhook payload signatures: header <c>CertGrid-Signature: t={unix seconds},v1={hex HMAC-SHA256}</c> where the
/// HMAC, keyed with the endpoint's secret, covers <c>"{t}.{raw body}"</c>. Receivers recompute it, compare in
/// constant time, and reject timestamps too far from their clock (replays).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "CertGrid-Signature";
    public const string IdempotencyHeader = "CertGrid-Idempotency-Key";
    public const string EventHeader = "CertGrid-Event";
    public const string AttemptHeader = "CertGrid-Delivery-Attempt";

    public static string Header(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Compute(secret, timestamp, body)}");
    }

    public static string Compute(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}"))));

    /// <summary>True when the header carries a valid signature of <paramref name="body"/> made within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                signatures.Add(part[3..]);
            }
        }

        if (timestamp is not { } at || Math.Abs(now.ToUnixTimeSeconds() - at) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, at, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)));
    }
}
