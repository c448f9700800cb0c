using CertGrid.Abstractions.Governance;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Governance;
using CertGrid.Domain.Languages;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Governance;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Programs;

/// <summary>
/// A community's stackable pathways. A pathway is designed as a draft, (with a steering committee) approved as it
/// stands, then activated; from then on issuing its last missing component awards its target credential.
/// </summary>
public sealed class PathwaysGrain(
    [PersistentState("pathways", StorageNames.GrainStore)] IPersistentState<PathwaysState> state)
    : DurableGrain<PathwaysState>(state), IPathwaysGrain
{
    public const int MaxPathways = 200;

    protected override string Community => this.GetPrimaryKeyString();

    private IGovernanceGrain Governance => GrainFactory.GetGrain<IGovernanceGrain>(Community);

    public async Task<Pathway> DefineAsync(string pathwayId, DefinePathway command, string actor)
    {
        var existing = State.Pathways.GetValueOrDefault(pathwayId);
        if (existing is { Status: not PathwayStatus.Draft })
        {
            throw CertGridException.Conflict($"Pathway '{existing.Name}' is {existing.Status.ToString().ToLowerInvariant()} and can no longer change.");
        }

        if (existing is null && State.Pathways.Count >= MaxPathways)
        {
            throw CertGridException.Policy($"A community has at most {MaxPathways} pathways.");
        }

        var target = EntityId.Require(command.TargetDefinitionId, IdPrefixes.CredentialDefinition, "input.targetCredentialId");
        var components = InputRules.RequireCount(command.ComponentDefinitionIds, "input.componentCredentialIds", PathwayCompletion.MinComponents, PathwayCompletion.MaxComponents)
            .Select((id, i) => EntityId.Require(id, IdPrefixes.CredentialDefinition, $"input.componentCredentialIds[{i}]")).ToList();
        InputRules.RequireUnique(components, "input.componentCredentialIds");
        if (components.Contains(target))
        {
            throw CertGridException.Invalid("input.componentCredentialIds", "A pathway's target cannot also be one of its components.");
        }

        foreach (var id in components.Append(target))
        {
            _ = await Definition(id).GetAsync();
        }

        var pathway = new Pathway(pathwayId, InputRules.RequireText(command.Name, "input.name"), InputRules.OptionalText(command.Description, "input.description"),
            target, components, PathwayStatus.Draft, existing?.CreatedAt ?? Now, null,
            LanguageMap.Validate(command.NameTranslations, "input.nameTranslations", InputRules.NameMaxLength),
            LanguageMap.Validate(command.DescriptionTranslations, "input.descriptionTranslations"));
        State.Pathways[pathwayId] = pathway;
        return await SaveAnsweringAsync(pathway, AuditEvent(actor, existing is null ? "pathway.defined" : "pathway.revised", pathwayId, new { pathway.Name, target, components }));
    }

    public async Task<ProposalInfo> ProposeAsync(string pathwayId, string? note, string actor, string? proposerPerson)
    {
        var pathway = Require(pathwayId);
        if (pathway.Status != PathwayStatus.Draft)
        {
            throw CertGridException.Conflict($"Pathway '{pathway.Name}' is already {pathway.Status.ToString().ToLowerInvariant()}.");
        }

        return await Governance.OpenProposalAsync(new OpenProposal(ProposalKind.Pathway, pathwayId, PathwayFingerprint.Of(pathway), $"Pathway '{pathway.Name}'", note, actor, proposerPerson));
    }

    public async Task<Pathway> ActivateAsync(string pathwayId, string actor)
    {
        var pathway = Require(pathwayId);
        if (pathway.Status == PathwayStatus.Active)
        {
            return pathway;
        }

        if (pathway.Status != PathwayStatus.Draft)
        {
            throw CertGridException.Conflict($"Pathway '{pathway.Name}' is {pathway.Status.ToString().ToLowerInvariant()}.");
        }

        var target = await Definition(pathway.TargetDefinitionId).GetAsync();
        RequirePublished(target, "target");
        foreach (var id in pathway.ComponentDefinitionIds)
        {
            var component = await Definition(id).GetAsync();
            RequirePublished(component, "component");
            if (component.Tier != CredentialTier.MicroCredential)
            {
                throw CertGridException.Policy($"Component '{component.Name}' is not a micro-credential; pathways stack micro-credentials.");
            }
        }

        var approval = await GovernanceGate.RequireApprovedAsync(Governance, ProposalKind.Pathway, pathwayId, PathwayFingerprint.Of(pathway), $"pathway '{pathway.Name}'");
        var active = pathway with { Status = PathwayStatus.Active, ActivatedAt = Now };
        State.Pathways[pathwayId] = active;
        return await SaveAnsweringAsync(active, AuditEvent(actor, "pathway.activated", pathwayId, new
        {
            active.Name, target = active.TargetDefinitionId, components = active.ComponentDefinitionIds, proposalId = approval?.Id,
        }));
    }

    public Task<Pathway> GetAsync(string pathwayId) => Task.FromResult(Require(pathwayId));

    public Task<IReadOnlyList<Pathway>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Pathway>>(State.Pathways.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList());

    private static void RequirePublished(CredentialDefinitionInfo definition, string role)
    {
        if (definition.Status != PublicationStatus.Published)
        {
            throw CertGridException.Policy($"The pathway's {role} '{definition.Name}' must be published first.");
        }
    }

    private Pathway Require(string pathwayId) => State.Pathways.GetValueOrDefault(pathwayId) ?? throw CertGridException.NotFound("Pathway", pathwayId);

    private ICredentialDefinitionGrain Definition(string id) => GrainFactory.CredentialDefinition(Community, id);
}
