using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Access;

/// <summary>
/// When an API key works: from its issue until it is revoked or its expiry passes. Keys may be issued with an expiry
/// (at most <see cref="MaxLifetime"/> ahead); a rotated key keeps working for a grace period so its users can switch.
/// Last use is recorded at most once per <see cref="UseRecordingInterval"/>, so a busy key does not write on every request.
/// </summary>
public static class ApiKeyLifetime
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(2 * 366);

    public static readonly TimeSpan MaxRotationGrace = TimeSpan.FromDays(30);

    public static readonly TimeSpan UseRecordingInterval = TimeSpan.FromMinutes(15);

    /// <summary>An expiry an admin asked for: in the future and within <see cref="MaxLifetime"/>; null means the key does not expire.</summary>
    public static DateTimeOffset? RequireExpiry(DateTimeOffset? expiresAt, DateTimeOffset now, string field)
    {
        if (expiresAt is not { } expiry)
        {
            return null;
        }

        if (expiry <= now)
        {
            throw CertGridException.Invalid(field, $"The expiry {expiry:u} has already passed; give a time in the future (UTC), or leave it empty for a key that does not expire.");
        }

        if (expiry > now + MaxLifetime)
        {
            throw CertGridException.Invalid(field, $"A key may be issued for at most {MaxLifetime.Days} days; give an expiry before {now + MaxLifetime:u}.");
        }

        return expiry.ToUniversalTime();
    }

    /// <summary>How long the replaced key keeps working after a rotation: 0 (at once) to <see cref="MaxRotationGrace"/>.</summary>
    public static TimeSpan RequireGrace(int graceMinutes, string field) =>
        TimeSpan.FromMinutes(InputRules.RequireRange(graceMinutes, field, 0, (int)MaxRotationGrace.TotalMinutes));

    /// <summary>Whether a key authenticates at <paramref name="now"/>.</summary>
    public static bool IsUsable(DateTimeOffset? revokedAt, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        revokedAt is null && (expiresAt is null || now < expiresAt);

    /// <summary>Whether a use at <paramref name="now"/> is worth recording, given the last one recorded.</summary>
    public static bool ShouldRecordUse(DateTimeOffset? lastUsedAt, DateTimeOffset now) =>
        lastUsedAt is null || now - lastUsedAt >= UseRecordingInterval;

    /// <summary>The expiry a key gets when it is rotated: the end of the grace period, unless it expires sooner anyway.</summary>
    public static DateTimeOffset ExpiryAfterRotation(DateTimeOffset? expiresAt, DateTimeOffset now, TimeSpan grace) =>
        expiresAt is { } current && current < now + grace ? current : now + grace;
}
