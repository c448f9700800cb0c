using CertGrid.Domain.Errors;
namespace CertGrid.Domain.Recognition;

/// <summary>The contributions a community recognises with badges.</summary>
public enum ContributionKind
{
    /// <summary>Mentoring a learner (a mentor relationship declared by a credential holder).</summary>
    Mentoring,
    /// <summary>Reviewing an attempt as an evaluator.</summary>
    Evaluating,
    /// <summary>Curating a preparatory resource.</summary>
    Curating,
}

/// <summary>A badge (a published micro-credential) awarded once a contributor reaches a threshold of one kind of contribution.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.badge-rule")]
public sealed record BadgeRule(
    [property: Id(0)] ContributionKind Kind,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] int Threshold);

/// <summary>Which badges are due.</summary>
public static class RecognitionRules
{
    public const int MaxThreshold = 10_000;

    /// <summary>The rules whose threshold the counts reach and whose badge was not awarded yet.</summary>
    public static IReadOnlyList<BadgeRule> Due(IEnumerable<BadgeRule> rules, IReadOnlyDictionary<ContributionKind, int> counts, IReadOnlySet<ContributionKind> awarded) =>
        rules.Where(r => !awarded.Contains(r.Kind) && counts.GetValueOrDefault(r.Kind) >= r.Threshold).ToList();
}
