using CertGrid.Domain.ContinuingEducation;

namespace CertGrid.Abstractions.ContinuingEducation;

/// <summary>A community's rules for automatic continuing-education credits. Key: the community id.</summary>
public interface ICeRulesGrain : IGrainWithStringKey
{
    Task<CeCreditRules> SetAsync(CeCreditRules rules, string actor);

    /// <summary>The rules, or <see cref="CeCreditRules.Default"/> until an admin sets them.</summary>
    [ReadOnly]
    Task<CeCreditRules> GetAsync();
}
