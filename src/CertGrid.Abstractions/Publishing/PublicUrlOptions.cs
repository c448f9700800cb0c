using System.ComponentModel.DataAnnotations;

namespace CertGrid.Abstractions.Publishing;

/// <summary>
/// The public address of this CertGrid deployment (section <c>PublicUrls</c>). Credential, issuer and
/// achievement ids are URLs under it, so it must be the address verifiers reach, and the same on every silo.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string SectionName = "PublicUrls";

    [Required(ErrorMessage = "PublicUrls:BaseUrl is required (for example http://127.0.0.1:5080).")]
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:5080");
}
