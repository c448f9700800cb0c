namespace CertGrid.Domain.Quality;

/// <summary>Whether an evaluator scores in line with their panels, harsher, or more leniently, or has too few shared reviews to tell.</summary>
public enum SeverityVerdict
{
    /// <summary>Too few reviews shared with other panel members to tell.</summary>
    TooFewReviews,
    /// <summary>Enough shared reviews, and no gap large and certain enough to call harsh or lenient.</summary>
    InLine,
    /// <summary>Scores lower than the rest of their panels by at least the minimum gap, with a confidence interval entirely below zero.</summary>
    Harsh,
    /// <summary>Scores higher than the rest of their panels by at least the minimum gap, with a confidence interval entirely above zero.</summary>
    Lenient,
}
