using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Recognition;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Recognition;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Recognition;

/// <summary>A community's contributor badges and their thresholds, set by admins and audited.</summary>
public sealed class RecognitionPolicyGrain(
    [PersistentState("recognition", StorageNames.GrainStore)] IPersistentState<RecognitionPolicyState> state)
    : DurableGrain<RecognitionPolicyState>(state), IRecognitionPolicyGrain
{
    protected override string Community => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<BadgeRule>> SetAsync(IReadOnlyList<BadgeRule> rules, string actor)
    {
        var items = InputRules.RequireCount(rules, "input.badges", 0, Enum.GetValues<ContributionKind>().Length);
        InputRules.RequireUnique(items.Select(r => r.Kind), "input.badges.kind");
        var validated = new List<BadgeRule>();
        foreach (var (rule, i) in items.Select((r, i) => (r, i)))
        {
            var id = EntityId.Require(rule.DefinitionId, IdPrefixes.CredentialDefinition, $"input.badges[{i}].credentialId");
            InputRules.RequireRange(rule.Threshold, $"input.badges[{i}].threshold", 1, RecognitionRules.MaxThreshold);
            var definition = await GrainFactory.GetGrain<ICredentialDefinitionGrain>(new ScopedKey(Community, id).ToString()).GetAsync();
            if (definition.Status != PublicationStatus.Published || definition.Tier != CredentialTier.MicroCredential)
            {
                throw CertGridException.Policy($"Badge '{definition.Name}' must be a published micro-credential.");
            }

            validated.Add(rule with { DefinitionId = id });
        }

        State.Rules = validated;
        await SaveAsync(AuditEvent(actor, "recognition.policy-set", Community, new { badges = validated.Select(r => new { kind = r.Kind.ToString(), r.DefinitionId, r.Threshold }) }));
        return validated;
    }

    public Task<IReadOnlyList<BadgeRule>> GetAsync() => Task.FromResult<IReadOnlyList<BadgeRule>>(State.Rules.ToList());
}
