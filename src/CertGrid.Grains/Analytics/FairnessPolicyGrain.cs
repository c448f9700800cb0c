using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Demographics;
using CertGrid.Domain.Quality;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Analytics;

/// <summary>A community's minimum group size for every fairness breakdown; see <see cref="IFairnessPolicyGrain"/>.</summary>
public sealed class FairnessPolicyGrain(
    [PersistentState("fairness", StorageNames.GrainStore)] IPersistentState<FairnessPolicyState> state)
    : DurableGrain<FairnessPolicyState>(state), IFairnessPolicyGrain
{
    protected override string Community => this.GetPrimaryKeyString();

    public async Task<FairnessPolicy> SetAsync(int minimumGroupSize, string actor)
    {
        var policy = FairnessPolicy.Valid(minimumGroupSize);
        if (policy == State.Policy && RecordExists)
        {
            return policy;
        }

        var previous = State.Policy.MinimumGroupSize;
        State.Policy = policy;
        await SaveAsync(AuditEvent(actor, "fairness.policy-set", Community, new { previous, policy.MinimumGroupSize }));
        return policy;
    }

    public Task<FairnessPolicy> GetAsync() => Task.FromResult(State.Policy);

    public async Task<DemographicAttributeDefinition> DefineAttributeAsync(DemographicAttributeDefinition attribute, string actor)
    {
        DemographicRules.Valid(attribute);
        var index = State.Attributes.FindIndex(a => a.Code == attribute.Code);
        if (index < 0 && State.Attributes.Count >= DemographicRules.MaximumAttributes)
        {
            throw CertGridException.Policy($"A community defines at most {DemographicRules.MaximumAttributes} demographic attributes.");
        }

        if (index < 0)
        {
            State.Attributes.Add(attribute);
        }
        else
        {
            State.Attributes[index] = attribute;
        }

        return await SaveAnsweringAsync(attribute, AuditEvent(actor, "fairness.attribute-defined", Community, new { attribute.Code, values = attribute.Values.Count }));
    }

    public Task<IReadOnlyList<DemographicAttributeDefinition>> ListAttributesAsync() => Task.FromResult<IReadOnlyList<DemographicAttributeDefinition>>(State.Attributes.ToList());
}
