using System.Globalization;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Learners;

namespace CertGrid.Grains.Learners;

/// <summary>What makes an upload acceptable: a plain file name, and a stored blob that matches what was declared.</summary>
internal static class PortfolioRules
{
    public static string RequireFileName(string? fileName)
    {
        var name = InputRules.RequireText(fileName, "input.fileName", 200);
        if (name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0 || name is "." or "..")
        {
            throw CertGridException.Invalid("input.fileName", "'input.fileName' must be a plain file name without path separators or wildcards.");
        }

        return name;
    }

    /// <summary>Why the stored upload is refused, or null when it is acceptable.</summary>
    public static string? FindRejection(ArtifactPolicy policy, PendingUpload pending, StoredBlob stored)
    {
        if (stored.SizeBytes > policy.MaxBytes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The uploaded file is {stored.SizeBytes} bytes; the limit is {policy.MaxBytes} bytes. It was discarded.");
        }

        if (stored.SizeBytes == 0)
        {
            return "The uploaded file is empty. It was discarded.";
        }

        if (!string.Equals(stored.ContentType, pending.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return $"The file was uploaded as '{stored.ContentType}' but declared as '{pending.ContentType}'. Send the declared Content-Type header. It was discarded.";
        }

        if (!policy.AllowedContentTypes.Contains(stored.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            return $"Content type '{stored.ContentType}' is not accepted. It was discarded.";
        }

        return ContentSniffer.LooksLike(stored.ContentType, stored.Head)
            ? null
            : $"The file's content does not look like '{stored.ContentType}'. It was discarded.";
    }
}
