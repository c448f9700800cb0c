namespace CertGrid.Domain.Quality;

/// <summary>One group's line in a breakdown: its adverse-impact comparison and, unless suppressed, its score distribution.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.breakdown-group")]
public sealed record BreakdownGroup(
    [property: Id(0)] GroupImpact Impact,
    [property: Id(1)] ScoreDistribution? Scores);

/// <summary>
/// Pass rates and score distributions broken down by one dimension (evaluator organisation, learner organisation,
/// language, cohort, a declared attribute …), with the four-fifths comparison and its significance for every group
/// large enough to show. Groups under the community's minimum size show nothing but their name.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.fairness-breakdown")]
public sealed record FairnessBreakdown(
    [property: Id(0)] string Dimension,
    [property: Id(1)] IReadOnlyList<BreakdownGroup> Groups)
{
    public IEnumerable<GroupImpact> Flagged => Groups.Select(g => g.Impact).Where(i => i.Flagged);

    public static FairnessBreakdown Of(string dimension, IEnumerable<AssessedOutcome> outcomes, int minimumGroupSize = SmallGroupSuppression.DefaultMinimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var byGroup = outcomes.GroupBy(o => o.Group, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var impacts = AdverseImpact.Analyse(byGroup.Select(g => new GroupOutcome(g.Key, g.Value.Count(o => o.Passed), g.Value.Count)).ToList(), minimumGroupSize);
        return new FairnessBreakdown(dimension, impacts
            .Select(i => new BreakdownGroup(i, i.Suppressed ? null : ScoreDistribution.Of(byGroup[i.Group].Select(o => o.Percent).ToList())))
            .ToList());
    }
}
