using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.ContinuingEducation;

/// <summary>A community's rules for automatic continuing-education credits.</summary>
public sealed class CeRulesGrain(
    [PersistentState("ce-rules", StorageNames.GrainStore)] IPersistentState<CeRulesState> state)
    : DurableGrain<CeRulesState>(state), ICeRulesGrain
{
    protected override string Community => this.GetPrimaryKeyString();

    public async Task<CeCreditRules> SetAsync(CeCreditRules rules, string actor)
    {
        var valid = rules.Validated();
        State.Rules = valid;
        await SaveAsync(AuditEvent(actor, "ce.rules-set", Community, valid));
        return valid;
    }

    public Task<CeCreditRules> GetAsync() => Task.FromResult(State.Rules ?? CeCreditRules.Default);
}
