using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// A community's fairness setting: the minimum group size (k). Every breakdown the community's admins read — the
/// analytics query, its CSV export, the quality report — hides groups with fewer members than this, so no answer
/// identifies a person. It is a community setting, not a question's argument, so nobody can ask for a smaller k.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.fairness-policy")]
public sealed record FairnessPolicy([property: Id(0)] int MinimumGroupSize)
{
    /// <summary>The most a community may set: above it nearly every group of a small program would be hidden.</summary>
    public const int HighestMinimumGroupSize = 1_000;

    public static FairnessPolicy Default { get; } = new(SmallGroupSuppression.DefaultMinimumGroupSize);

    /// <summary>VALIDATION_FAILED naming the field unless k is between 5 and 1,000.</summary>
    public static FairnessPolicy Valid(int minimumGroupSize) =>
        new(InputRules.RequireRange(minimumGroupSize, "input.minimumGroupSize", SmallGroupSuppression.LowestMinimumGroupSize, HighestMinimumGroupSize));
}
