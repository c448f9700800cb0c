using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// Keeps any answer from identifying a person: a group with fewer members than the community's minimum (k, 10 by
/// default) is reported only as "suppressed", without counts, rates or tests, and is left out of every comparison.
/// When exactly one group would be hidden, the next smallest is hidden too (secondary suppression), since otherwise
/// the hidden group's counts follow from the overall total minus the groups shown.
/// </summary>
public static class SmallGroupSuppression
{
    public const int DefaultMinimumGroupSize = 10;

    /// <summary>The smallest k a community may set: below it, groups of a handful of people would be shown.</summary>
    public const int LowestMinimumGroupSize = 5;

    /// <summary>The groups to hide, by name.</summary>
    public static IReadOnlySet<string> Hidden(IReadOnlyList<GroupOutcome> groups, int minimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(groups);
        InputRules.RequireRange(minimumGroupSize, "minimumGroupSize", LowestMinimumGroupSize, 1_000_000);
        var hidden = groups.Where(g => g.Total < minimumGroupSize).Select(g => g.Group).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count == 1 && groups.Count > 1)
        {
            hidden.Add(groups.Where(g => !hidden.Contains(g.Group)).OrderBy(g => g.Total).ThenBy(g => g.Group, StringComparer.Ordinal).First().Group);
        }

        return hidden;
    }
}
