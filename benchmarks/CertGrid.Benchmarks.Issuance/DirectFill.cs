using Bogus;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Errors;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>
/// Fills the community with credentials fast, to measure the cost per issuance when it already holds 100,000: each is
/// issued through <see cref="ICredentialGrain.IssueAsync"/>, the step an earned credential's effect takes once its
/// assessment passed, so it is signed, given its status-list entry, tracked for renewal, recorded on its holder and
/// projected like any other; only the attempt and reviews before it are skipped (so the evaluators' integrity and
/// calibration records do not grow with these). Ten per holder, holders enrolled for it (Bogus names).
/// </summary>
public static class DirectFill
{
    private const int PerLearner = 10;

    public static async Task<int> IssueAsync(IGrainFactory grains, IssuanceCommunity community, int count, int inFlight, int seed)
    {
        var results = IssuanceCommunity.Rubric.Criteria.Select(c => new CriterionResult(c.Code, c.Levels[^1].Name)).ToList();
        var faker = new Faker { Random = new Randomizer(seed) };
        var holders = Enumerable.Range(0, (count + PerLearner - 1) / PerLearner)
            .Select(i => new EnrolLearner(faker.Name.FullName(), $"holder{seed}.{i}@{faker.Internet.DomainName()}", null)).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = inFlight };
        var holderIds = new string[holders.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, holders.Count), parallel, async (i, _) =>
        {
            holderIds[i] = EntityId.New(IdPrefixes.Learner);
            var learner = grains.Learner(community.Id, holderIds[i]);
            await PatientlyAsync(async () => await learner.FindAsync() ?? await learner.EnrolAsync(holders[i], Actors.System));
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, _) =>
        {
            var command = new IssueCredential(holderIds[i / PerLearner], community.DefinitionId, EntityId.New(IdPrefixes.Attempt), results, []);
            var credential = grains.Credential(community.Id, EntityId.New(IdPrefixes.Credential));
            await PatientlyAsync(() => credential.IssueAsync(command));
        });
        return count;
    }

    /// <summary>Calls again after a timeout: issuing is idempotent for the same id and command, an enrolment is looked up first.</summary>
    private static async Task<T> PatientlyAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (attempt < 5 && ex is TimeoutException or CertGridException { Code: CertGrid.Domain.Errors.ErrorCode.Unavailable })
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }
}
