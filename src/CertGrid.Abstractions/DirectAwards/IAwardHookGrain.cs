using CertGrid.Domain.DirectAwards;

namespace CertGrid.Abstractions.DirectAwards;

/// <summary>
/// A community's award hook secret: the key its systems sign award webhooks with. Created and rotated by admins (the secret
/// is answered once and kept encrypted with Data Protection); after a rotation the previous secret keeps verifying for
/// <see cref="AwardHookOverlap.PreviousSecretValidFor"/>. Key: <c>{community}</c>.
/// </summary>
public interface IAwardHookGrain : IGrainWithStringKey
{
    /// <summary>Creates the community's first secret and answers it once. CONFLICT when one exists (rotate it instead).</summary>
    Task<AwardHookSecret> CreateSecretAsync(string actor);

    /// <summary>Replaces the secret and answers the new one once; the previous one verifies for the overlap more. NOT_FOUND before one was created.</summary>
    Task<AwardHookSecret> RotateSecretAsync(string actor);

    /// <summary>Whether a secret exists, since when, and until when the previous one still verifies.</summary>
    [ReadOnly]
    Task<AwardHookInfo> GetAsync();

    /// <summary>Checks a delivery's signature header against the signed bytes with the current secret (and the previous one during its overlap).</summary>
    [ReadOnly]
    Task<AwardHookCheck> VerifyAsync(string? signatureHeader, byte[] signedContent);
}

/// <summary>How long a rotated-out secret keeps verifying, so the sending system can switch without failed deliveries.</summary>
public static class AwardHookOverlap
{
    public static readonly TimeSpan PreviousSecretValidFor = TimeSpan.FromHours(24);
}

/// <summary>The award hook's state as admins read it; never the secret.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.award-hook-info")]
public sealed record AwardHookInfo(
    [property: Id(0)] string Community,
    [property: Id(1)] bool Enabled,
    [property: Id(2)] DateTimeOffset? SecretCreatedAt,
    [property: Id(3)] DateTimeOffset? PreviousSecretValidUntil);

/// <summary>A new secret, answered only by the mutation that made it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.award-hook-secret")]
public sealed record AwardHookSecret([property: Id(0)] AwardHookInfo Hook, [property: Id(1)] string Secret);
