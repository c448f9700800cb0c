namespace CertGrid.Domain.Onboarding;

/// <summary>The file formats an import reads: comma- (or semicolon-, tab-) separated values with a header row, or JSON Lines (one object per line).</summary>
public enum ImportFormat
{
    Csv,
    JsonLines,
}
