namespace CertGrid.Domain.Programs;

/// <summary>Whether a pathway is being designed, awards its credential, or no longer does.</summary>
public enum PathwayStatus
{
    /// <summary>Being defined; only admins see it.</summary>
    Draft,
    /// <summary>Learners can follow it; completing it awards its target credential.</summary>
    Active,
    /// <summary>No longer offered.</summary>
    Retired,
}

/// <summary>
/// A stackable pathway: earning every component micro-credential (each held and valid) awards the target
/// credential they stack into, automatically.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.pathway")]
public sealed record Pathway(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] string TargetDefinitionId,
    [property: Id(4)] IReadOnlyList<string> ComponentDefinitionIds,
    [property: Id(5)] PathwayStatus Status,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? ActivatedAt,
    [property: Id(8)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(9)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null);

/// <summary>Which pathways a learner has completed, and how far along the others are.</summary>
public static class PathwayCompletion
{
    public const int MinComponents = 2;
    public const int MaxComponents = 20;

    /// <summary>
    /// Active pathways whose components the learner all holds valid at <paramref name="now"/>, and whose target
    /// they do not hold yet (in any state: a pathway awards its credential once).
    /// </summary>
    public static IReadOnlyList<Pathway> Completed(IEnumerable<Pathway> pathways, IReadOnlyCollection<HeldCredential> held, DateTimeOffset now)
    {
        var valid = held.Where(c => c.IsValidAt(now)).Select(c => c.DefinitionId).ToHashSet(StringComparer.Ordinal);
        var owned = held.Select(c => c.DefinitionId).ToHashSet(StringComparer.Ordinal);
        return pathways
            .Where(p => p.Status == PathwayStatus.Active && !owned.Contains(p.TargetDefinitionId) && p.ComponentDefinitionIds.All(valid.Contains))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The components held valid and those still missing.</summary>
    public static (IReadOnlyList<string> Held, IReadOnlyList<string> Missing) Progress(Pathway pathway, IReadOnlyCollection<HeldCredential> held, DateTimeOffset now)
    {
        var valid = held.Where(c => c.IsValidAt(now)).Select(c => c.DefinitionId).ToHashSet(StringComparer.Ordinal);
        return (pathway.ComponentDefinitionIds.Where(valid.Contains).ToList(), pathway.ComponentDefinitionIds.Where(id => !valid.Contains(id)).ToList());
    }
}
