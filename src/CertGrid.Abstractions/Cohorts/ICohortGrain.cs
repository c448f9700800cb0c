namespace CertGrid.Abstractions.Cohorts;

/// <summary>A cohort of learners. Key: <c>{community}/{cohortId}</c>.</summary>
public interface ICohortGrain : IGrainWithStringKey
{
    Task<CohortInfo> CreateAsync(CreateCohort command, string actor);

    /// <summary>Adds enrolled learners to the cohort. Idempotent per learner.</summary>
    Task<CohortInfo> AddMembersAsync(IReadOnlyList<string> learnerIds, string actor);

    [ReadOnly]
    Task<CohortInfo> GetAsync();
}
