using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Programs;

/// <summary>The number of a new framework version: the newest released one, bumped as much as the changes require (or more, if asked).</summary>
public static class FrameworkVersioning
{
    /// <summary>The next version after <paramref name="released"/> for <paramref name="draft"/>. VALIDATION_FAILED when nothing changed.</summary>
    public static string Next(string released, FrameworkContent releasedContent, FrameworkContent draft, VersionBump? requested)
    {
        var diff = FrameworkDiffer.Compare(released, releasedContent, "draft", draft);
        if (diff.IsEmpty)
        {
            throw CertGridException.Invalid("input", $"The content is the same as version {released}; change something to draft a new version.");
        }

        var bump = requested is { } asked && asked > diff.RequiredBump ? asked : diff.RequiredBump;
        return SemanticVersion.Parse(released).Bump(bump).ToString();
    }
}
