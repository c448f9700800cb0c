namespace CertGrid.Domain.Talent;

/// <summary>
/// A holder who matched a search: their profile, the consented credentials that matched, and the score they are
/// ranked by (the best level of the competency asked for, else the best level they demonstrated in a match).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.talent-match")]
public sealed record TalentMatch(
    [property: Id(0)] string Community,
    [property: Id(1)] TalentProfile Profile,
    [property: Id(2)] IReadOnlyList<TalentCredential> Matching,
    [property: Id(3)] int Score);
