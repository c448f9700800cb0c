using System.ComponentModel.DataAnnotations;
using CertGrid.Domain.Learners;

namespace CertGrid.Grains.Learners;

/// <summary>Limits on portfolio uploads (section <c>Portfolio</c>).</summary>
public sealed class PortfolioOptions
{
    public const string SectionName = "Portfolio";

    [Range(1024, 1024L * 1024 * 1024, ErrorMessage = "Portfolio:MaxArtifactBytes must be between 1 KiB and 1 GiB.")]
    public long MaxArtifactBytes { get; set; } = ArtifactPolicy.Default.MaxBytes;

    /// <summary>Accepted content types; when not configured, <see cref="ArtifactPolicy.Default"/>'s list.</summary>
    public List<string>? AllowedContentTypes { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Portfolio:UploadUrlLifetime must be between 1 minute and 1 hour.")]
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 1000, ErrorMessage = "Portfolio:MaxArtifactsPerLearner must be between 1 and 1000.")]
    public int MaxArtifactsPerLearner { get; set; } = 200;

    [Range(1, 500, ErrorMessage = "Portfolio:MaxVersionsPerArtifact must be between 1 and 500.")]
    public int MaxVersionsPerArtifact { get; set; } = 50;

    public ArtifactPolicy Policy => new(MaxArtifactBytes,
        AllowedContentTypes is { Count: > 0 } types ? types : ArtifactPolicy.Default.AllowedContentTypes);
}
