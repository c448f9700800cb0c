namespace CertGrid.Domain.Quality;

/// <summary>
/// How much a disagreement between categories i and j counts in Cohen's kappa: not at all on the diagonal, and
/// off it equally (unweighted, Cohen 1960), by distance (linear, Cicchetti–Allison) or by squared distance
/// (quadratic, Fleiss–Cohen: the usual choice for ordered rubric levels).
/// </summary>
public enum KappaWeighting
{
    Unweighted,
    Linear,
    Quadratic,
}
