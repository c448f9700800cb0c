namespace CertGrid.Domain.Quality;

/// <summary>
/// One group's line in a fairness breakdown. A suppressed group carries its name only. Otherwise: its counts, pass
/// rate, the adverse impact ratio (its pass rate over the highest pass rate among the groups shown) and the
/// significance of its difference from the rest of the groups shown (none for the reference group itself).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.group-impact")]
public sealed record GroupImpact(
    [property: Id(0)] string Group,
    [property: Id(1)] bool Suppressed,
    [property: Id(2)] int? Passed,
    [property: Id(3)] int? Total,
    [property: Id(4)] double? PassRate,
    [property: Id(5)] double? ImpactRatio,
    [property: Id(6)] bool IsReference,
    [property: Id(7)] Significance? Significance)
{
    /// <summary>Below four-fifths of the reference group's rate: evidence of adverse impact under the Uniform Guidelines.</summary>
    public bool BelowFourFifths => ImpactRatio < AdverseImpact.FourFifths;

    /// <summary>Below four-fifths and statistically significant: the difference is both large and unlikely to be chance.</summary>
    public bool Flagged => BelowFourFifths && Significance?.IsSignificant == true;

    public static GroupImpact Hidden(string group) => new(group, true, null, null, null, null, false, null);
}
