using CertGrid.Domain.Demographics;
using CertGrid.Domain.Quality;

namespace CertGrid.Abstractions.Analytics;

/// <summary>
/// A community's fairness settings: the minimum group size every breakdown respects, and the demographic attributes learners
/// may declare (<see cref="Demographics.IDemographicDeclarationGrain"/>). Changes are persisted and audited
/// before the call returns. Key: the community id.
/// </summary>
public interface IFairnessPolicyGrain : IGrainWithStringKey
{
    /// <summary>Sets the minimum group size (5 to 1,000); VALIDATION_FAILED otherwise.</summary>
    Task<FairnessPolicy> SetAsync(int minimumGroupSize, string actor);

    /// <summary>The setting, or the default (k = 10) when the community never set one.</summary>
    [ReadOnly]
    Task<FairnessPolicy> GetAsync();

    /// <summary>Defines an attribute, or replaces the one with the same code (at most 20).</summary>
    Task<DemographicAttributeDefinition> DefineAttributeAsync(DemographicAttributeDefinition attribute, string actor);

    [ReadOnly]
    Task<IReadOnlyList<DemographicAttributeDefinition>> ListAttributesAsync();
}
