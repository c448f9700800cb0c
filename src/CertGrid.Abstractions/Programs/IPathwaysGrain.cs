using CertGrid.Abstractions.Governance;
using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Programs;

/// <summary>What an admin provides to define a stackable pathway (or redefine a draft one).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.define-pathway")]
public sealed record DefinePathway(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] string TargetDefinitionId,
    [property: Id(3)] IReadOnlyList<string> ComponentDefinitionIds,
    [property: Id(4)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(5)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null);

/// <summary>
/// A community's stackable pathways: sets of micro-credentials that award the credential they stack into.
/// A community has a handful to hundreds, so one grain holds them. It reads credential definitions and governance
/// decisions; neither ever calls it. Key: the community id.
/// </summary>
public interface IPathwaysGrain : IGrainWithStringKey
{
    Task<Pathway> DefineAsync(string pathwayId, DefinePathway command, string actor);

    /// <summary>Puts a draft pathway to the steering committee.</summary>
    Task<ProposalInfo> ProposeAsync(string pathwayId, string? note, string actor, string? proposerPerson);

    /// <summary>
    /// Starts awarding: the target and every component must be published, the components micro-credentials; with a
    /// steering committee, the pathway as it stands must have been approved.
    /// </summary>
    Task<Pathway> ActivateAsync(string pathwayId, string actor);

    [ReadOnly]
    Task<Pathway> GetAsync(string pathwayId);

    [ReadOnly]
    Task<IReadOnlyList<Pathway>> ListAsync();
}
