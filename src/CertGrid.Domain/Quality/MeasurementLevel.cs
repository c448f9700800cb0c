namespace CertGrid.Domain.Quality;

/// <summary>
/// What the numbers a rater gives mean, which decides how far apart two different values are (Krippendorff's
/// difference functions): nominal values are only equal or not, ordinal values have an order but no distances
/// (rubric levels), interval values have distances (percentages), ratio values also have a true zero.
/// </summary>
public enum MeasurementLevel
{
    Nominal,
    Ordinal,
    Interval,
    Ratio,
}
