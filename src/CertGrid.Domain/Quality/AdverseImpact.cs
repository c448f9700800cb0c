using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// The four-fifths rule of the US Uniform Guidelines on Employee Selection Procedures (29 CFR 1607.4(D)): "a
/// selection rate for any race, sex, or ethnic group which is less than four-fifths (4/5) (or eighty percent) of the
/// rate for the group with the highest rate will generally be regarded … as evidence of adverse impact". Each group
/// shown is compared with the group with the highest pass rate; small groups are suppressed first
/// (<see cref="SmallGroupSuppression"/>), and each comparison carries a significance test chosen by sample size.
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
        return groups
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .Select(g => hidden.Contains(g.Group) || reference is null ? GroupImpact.Hidden(g.Group) : Compare(g, reference))
            .ToList();
    }

    private static GroupImpact Compare(GroupOutcome group, GroupOutcome reference)
    {
        var isReference = ReferenceEquals(group, reference);
        // Cross-multiplied so that 48/100 against 60/100 is exactly 0.8, not a hair below it.
        double? ratio = reference.Passed == 0 ? null : (double)((long)group.Passed * reference.Total) / ((long)group.Total * reference.Passed);
        var significance = isReference ? null : Significance.CompareRates(group.Passed, group.Total, reference.Passed, reference.Total);
        return new GroupImpact(group.Group, false, group.Passed, group.Total, group.PassRate, ratio, isReference, significance);
    }
}
