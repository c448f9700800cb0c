namespace CertGrid.Domain.Quality;

/// <summary>One rater's level for one unit.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.rating")]
public sealed record Rating(
    [property: Id(0)] string RaterId,
    [property: Id(1)] int Level);

/// <summary>
/// Something several raters rated independently (one attempt's score on one criterion) with the ratings it got;
/// a rater who did not rate it is simply absent.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.rated-unit")]
public sealed record RatedUnit(
    [property: Id(0)] string UnitId,
    [property: Id(1)] IReadOnlyList<Rating> Ratings);
