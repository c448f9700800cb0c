using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.Evaluators;

/// <summary>
/// Gathers what conflict-of-interest rules need to know about a learner, fresh at every assignment: their active
/// declared relationships (mirrored onto their grain whoever declared them) and every learner they share a cohort with.
/// </summary>
public static class ConflictContextLoader
{
    public static async Task<ConflictContext> LoadAsync(
        IGrainFactory grains, string community, string learnerId, bool excludeSameOrganisation, IEnumerable<ExcludedEvaluator> excluded, DateTimeOffset now)
    {
        var self = PersonRef.Learner(learnerId);
        var relationships = await grains.Relationships(community, self).ListAsync();
        var record = await grains.Learner(community, learnerId).GetRecordAsync();
        var cohorts = await Task.WhenAll(record.CohortIds.Select(id => grains.Cohort(community, id).GetAsync()));
        return new ConflictContext(
            relationships.Where(r => r.IsActive(now)).Select(r => new RelatedPerson(r.Other(self), r.Kind)).ToList(),
            cohorts.SelectMany(c => c.MemberIds).Where(id => id != learnerId).Distinct().ToList(),
            excluded.ToList(),
            excludeSameOrganisation);
    }
}
