using System.ComponentModel.DataAnnotations;

namespace CertGrid.Grains.Credentials;

/// <summary>How verification trades freshness for speed (section <c>Verification</c>).</summary>
public sealed class VerificationOptions
{
    public const string SectionName = "Verification";

    /// <summary>How long a silo reuses a community's published keys; a rotation or compromise reaches verifiers within it. Zero: always ask.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Verification:KeysCacheLifetime must be between 0 and 10 minutes.")]
    public TimeSpan KeysCacheLifetime { get; set; } = TimeSpan.FromSeconds(5);
}
