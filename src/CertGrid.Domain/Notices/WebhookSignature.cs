using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Domain.Notices;

/// <summary>
/// Webhook payload signatures: header <c>CertGrid-Signature: t={unix seconds},v1={hex HMAC-SHA256}</c> where the
/// HMAC, keyed with the endpoint's secret, covers <c>"{t}.{raw body}"</c>. Receivers recompute it, compare in
/// constant time, and reject timestamps too far from their clock (replays). CertGrid receives signed webhooks in the
/// same format (<see cref="Check"/>; the award hook signs <c>"{t}.{delivery id}.{raw body}"</c>).
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

    public static string Compute(string secret, long timestamp, string body) => Compute(secret, timestamp, Encoding.UTF8.GetBytes(body));

    /// <summary>The hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of <c>"{timestamp}."</c> followed by the signed bytes.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> signedBytes)
    {
        var prefix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}."));
        var message = new byte[prefix.Length + signedBytes.Length];
        prefix.CopyTo(message, 0);
        signedBytes.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>True when the header carries a valid signature of <paramref name="body"/> made within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance) =>
        Check([secret], header, Encoding.UTF8.GetBytes(body), now, tolerance) == WebhookSignatureCheck.Valid;

    /// <summary>
    /// Checks a signature header against the signed bytes with any of the secrets (a rotated secret during its overlap): first
    /// that the header has the shape <c>t=…,v1=…</c> (several <c>v1</c> allowed), then that one <c>v1</c> is the HMAC of one of
    /// the secrets (compared in constant time), then that <c>t</c> is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static WebhookSignatureCheck Check(IReadOnlyList<string> secrets, string? header, ReadOnlySpan<byte> signedBytes, DateTimeOffset now, TimeSpan tolerance)
    {
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && part.Length > 3)
            {
                signatures.Add(Encoding.ASCII.GetBytes(part[3..]));
            }
        }

        if (timestamp is not { } at || signatures.Count == 0)
        {
            return WebhookSignatureCheck.Malformed;
        }

        var matches = false;
        foreach (var secret in secrets)
        {
            var expected = Encoding.ASCII.GetBytes(Compute(secret, at, signedBytes));
            matches |= signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, s));
        }

        if (!matches)
        {
            return WebhookSignatureCheck.Mismatch;
        }

        return Math.Abs(now.ToUnixTimeSeconds() - at) > tolerance.TotalSeconds ? WebhookSignatureCheck.Stale : WebhookSignatureCheck.Valid;
    }
}

/// <summary>What checking a webhook signature found.</summary>
public enum WebhookSignatureCheck
{
    /// <summary>A signature of one of the secrets, made within the tolerance.</summary>
    Valid,
    /// <summary>No header, or not of the shape <c>t={unix seconds},v1={hex}</c>.</summary>
    Malformed,
    /// <summary>No <c>v1</c> is the HMAC of the signed bytes with any of the secrets.</summary>
    Mismatch,
    /// <summary>Correctly signed, but its timestamp is too far from now (an old delivery replayed, or a clock far off).</summary>
    Stale,
}
