using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// The four-fifths rule of the US Uniform Guidelines on Employee Selection Procedures (29 CFR 1607.4(D)): "a
/// selection rate for any race, sex, or ethnic group which is less than four-fifths (4/5) (or eighty percent) of the
/// rate for the group with the highest rate will generally be regarded … as evidence of adverse impact". Small groups
/// are suppressed first (<see cref="SmallGroupSuppression"/>); each group shown gets its impact ratio against the
/// group with the highest pass rate, and a significance test of its pass rate against everyone else shown (chosen by
/// sample size, adjusted with Holm's method for the number of groups compared). Testing against the rest rather than
/// against the highest group keeps the choice of the highest group — itself partly luck — from inflating significance.
/// </summary>
public static class AdverseImpact
{
    public const double FourFifths = 0.8;

    public static IReadOnlyList<GroupImpact> Analyse(IReadOnlyList<GroupOutcome> groups, int minimumGroupSize = SmallGroupSuppression.DefaultMinimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(groups);
        InputRules.RequireUniqueBy(groups, g => g.Group, "groups");
        if (groups.Any(g => g.Total < 0 || g.Passed < 0 || g.Passed > g.Total))
        {
            throw CertGridException.Invalid("groups", "Each group needs zero or more members and no more passes than members.");
        }

        var hidden = SmallGroupSuppression.Hidden(groups, minimumGroupSize);
        var shown = groups.Where(g => !hidden.Contains(g.Group)).ToList();
        var reference = shown.OrderByDescending(g => g.PassRate).ThenByDescending(g => g.Total).ThenBy(g => g.Group, StringComparer.Ordinal).FirstOrDefault();
        var compared = shown.Where(g => !ReferenceEquals(g, reference)).ToList();
        var significance = Significances(compared, shown);
        return groups
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .Select(g => hidden.Contains(g.Group) || reference is null ? GroupImpact.Hidden(g.Group)
                : new GroupImpact(g.Group, false, g.Passed, g.Total, g.PassRate, Ratio(g, reference), ReferenceEquals(g, reference), significance.GetValueOrDefault(g.Group)))
            .ToList();
    }

    /// <summary>Each compared group against the rest of the groups shown, Holm-adjusted across the comparisons.</summary>
    private static Dictionary<string, Significance> Significances(List<GroupOutcome> compared, List<GroupOutcome> shown)
    {
        var passed = shown.Sum(g => g.Passed);
        var total = shown.Sum(g => g.Total);
        var raw = compared.Select(g => Significance.CompareRates(g.Passed, g.Total, passed - g.Passed, total - g.Total)).ToList();
        var adjusted = HolmAdjustment.Adjust(raw.Select(s => s.PValue).ToList());
        return compared.Select((g, i) => (g.Group, raw[i] with { AdjustedPValue = adjusted[i] })).ToDictionary(p => p.Group, p => p.Item2, StringComparer.Ordinal);
    }

    /// <summary>Cross-multiplied so that 48/100 against 60/100 is exactly 0.8, not a hair below it.</summary>
    private static double? Ratio(GroupOutcome group, GroupOutcome reference) =>
        reference.Passed == 0 ? null : (double)((long)group.Passed * reference.Total) / ((long)group.Total * reference.Passed);
}
