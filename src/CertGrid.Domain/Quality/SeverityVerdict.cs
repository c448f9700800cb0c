namespace CertGrid.Domain.Quality;

/// <summary>Whether an evaluator scores in line with their panels, harsher, or more leniently, or has too few shared reviews to tell.</summary>
public enum SeverityVerdict
{
    TooFewReviews,
    InLine,
    Harsh,
    Lenient,
}
