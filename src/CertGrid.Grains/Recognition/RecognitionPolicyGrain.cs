using CertGrid.Abstractions.Governance;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Recognition;
using CertGrid.Domain.Governance;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Recognition;
using CertGrid.Grains.Governance;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Recognition;

/// <summary>A community's contributor badges and their thresholds, set by admins (with a steering committee, as it approved) and audited.</summary>
public sealed class RecognitionPolicyGrain(
    [PersistentState("recognition", StorageNames.GrainStore)] IPersistentState<RecognitionPolicyState> state)
    : DurableGrain<RecognitionPolicyState>(state), IRecognitionPolicyGrain
{
    protected override string Community => this.GetPrimaryKeyString();

    private IGovernanceGrain Governance => GrainFactory.GetGrain<IGovernanceGrain>(Community);

    public async Task<IReadOnlyList<BadgeRule>> SetAsync(IReadOnlyList<BadgeRule> rules, string actor)
    {
        var validated = await ValidateAsync(rules);
        var approval = await GovernanceGate.RequireNewestApprovedAsync(Governance, PolicyFingerprint.Of(Community, validated), "these contributor badges");
        State.Rules = validated;
        await SaveAsync(AuditEvent(actor, "recognition.policy-set", Community,
            PolicyDecisions.Details(validated.Select(r => new { kind = r.Kind.ToString(), r.DefinitionId, r.Threshold }), approval)));
        return validated;
    }

    public async Task<ProposalInfo> ProposeAsync(IReadOnlyList<BadgeRule> rules, string? note, string actor, string? proposerPerson) =>
        await Governance.OpenProposalAsync(PolicyDecisions.Proposal(PolicyFingerprint.Of(Community, await ValidateAsync(rules)), "of the community", note, actor, proposerPerson));

    public Task<IReadOnlyList<BadgeRule>> GetAsync() => Task.FromResult<IReadOnlyList<BadgeRule>>(State.Rules.ToList());

    private async Task<List<BadgeRule>> ValidateAsync(IReadOnlyList<BadgeRule> rules)
    {
        var items = InputRules.RequireCount(rules, "input.badges", 0, Enum.GetValues<ContributionKind>().Length);
        InputRules.RequireUnique(items.Select(r => r.Kind), "input.badges.kind");
        var validated = new List<BadgeRule>();
        foreach (var (rule, i) in items.Select((r, i) => (r, i)))
        {
            var id = EntityId.Require(rule.DefinitionId, IdPrefixes.CredentialDefinition, $"input.badges[{i}].credentialId");
            InputRules.RequireRange(rule.Threshold, $"input.badges[{i}].threshold", 1, RecognitionRules.MaxThreshold);
            var definition = await GrainFactory.CredentialDefinition(Community, id).GetAsync();
            if (definition.Status != PublicationStatus.Published || definition.Tier != CredentialTier.MicroCredential)
            {
                throw CertGridException.Policy($"Badge '{definition.Name}' must be a published micro-credential.");
            }

            validated.Add(rule with { DefinitionId = id });
        }

        return validated;
    }
}
