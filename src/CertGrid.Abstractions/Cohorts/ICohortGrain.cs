using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Cohorts;

namespace CertGrid.Abstractions.Cohorts;

/// <summary>
/// A cohort of learners. Members' progress comes from a read model (one row per member, written by the learner's
/// grain), never from calling every member: a cohort holds up to 5000 learners. Key: <c>{community}/{cohortId}</c>.
/// </summary>
public interface ICohortGrain : IGrainWithStringKey
{
    Task<CohortInfo> CreateAsync(CreateCohort command, string actor);

    /// <summary>Adds enrolled learners to the cohort. Idempotent per learner.</summary>
    Task<CohortInfo> AddMembersAsync(IReadOnlyList<string> learnerIds, string actor);

    /// <summary>Replaces the cohort's assessment windows (inside the cohort's dates).</summary>
    Task<CohortInfo> SetWindowsAsync(IReadOnlyList<AssessmentWindow> windows, string actor);

    /// <summary>Adds mentors (learners or evaluators, as person references). Idempotent per mentor.</summary>
    Task<CohortInfo> AddMentorsAsync(IReadOnlyList<string> mentors, string actor);

    [ReadOnly]
    Task<CohortInfo> GetAsync();

    /// <summary>A page of members' progress, from the cohort progress read model.</summary>
    [ReadOnly]
    Task<Page<CohortMemberProgress>> GetProgressAsync(PageRequest page);

    /// <summary>Completion and median time to certification, from one scan of the cohort's read-model rows.</summary>
    [ReadOnly]
    Task<CohortStatistics> GetStatisticsAsync();
}
