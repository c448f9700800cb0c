using System.Globalization;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Learners;

/// <summary>
/// What a portfolio artifact may be: its size and its content type. Checked when an upload is requested
/// (what the learner declares) and again when it is committed (what was actually stored).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.artifact-policy")]
public sealed record ArtifactPolicy(
    [property: Id(0)] long MaxBytes,
    [property: Id(1)] IReadOnlyList<string> AllowedContentTypes)
{
    public static ArtifactPolicy Default { get; } = new(25 * 1024 * 1024,
    [
        "application/pdf", "text/plain", "text/markdown", "image/png", "image/jpeg", "application/zip",
        "video/mp4", "application/json",
    ]);

    public void CheckDeclared(string contentType, long sizeBytes)
    {
        CheckType(contentType, "input.contentType");
        if (sizeBytes <= 0)
        {
            throw CertGridException.Invalid("input.sizeBytes", "'input.sizeBytes' must be greater than 0.");
        }

        CheckSize(sizeBytes, "input.sizeBytes");
    }

    public void CheckType(string contentType, string field)
    {
        if (!AllowedContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            throw CertGridException.Policy(
                $"Content type '{contentType}' is not accepted for portfolio artifacts ({field}). Accepted: {string.Join(", ", AllowedContentTypes)}.");
        }
    }

    public void CheckSize(long sizeBytes, string field)
    {
        if (sizeBytes > MaxBytes)
        {
            throw CertGridException.Policy(string.Create(CultureInfo.InvariantCulture,
                $"The artifact is {sizeBytes} bytes; the limit is {MaxBytes} bytes ({field})."));
        }
    }
}
