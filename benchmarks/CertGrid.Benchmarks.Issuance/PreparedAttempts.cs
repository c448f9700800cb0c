using Bogus;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Audit;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>An attempt one review away from its decision: submitted with evidence, staffed, and reviewed once (a pass).</summary>
public sealed record PreparedAttempt(string AttemptKey, string DecidingEvaluatorId, int Seed);

/// <summary>
/// Brings learners to the point of decision the real way: enrol (Bogus), upload evidence to the SAS URL as a browser
/// does, commit it, submit the attempt (the pool staffs its panel) and record the first of its two reviews.
/// </summary>
public static class PreparedAttempts
{
    public static async Task<IReadOnlyList<PreparedAttempt>> PrepareAsync(IGrainFactory grains, IssuanceCommunity community, int count, int inFlight, int firstSeed)
    {
        var prepared = new PreparedAttempt[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, cancellationToken) =>
        {
            // A busy Azurite sometimes drops a connection; a failed preparation starts again with a new learner.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    prepared[i] = await PrepareOneAsync(grains, community, firstSeed + i);
                    return;
                }
                catch (Exception ex) when (attempt < 4)
                {
                    Console.Error.WriteLine($"  preparing a decision failed ({ex.GetType().Name}: {ex.Message}); trying again with a new learner");
                    await Task.Delay(TimeSpan.FromSeconds(attempt * 2), cancellationToken);
                }
            }
        });
        return prepared;
    }

    private static async Task<PreparedAttempt> PrepareOneAsync(IGrainFactory grains, IssuanceCommunity community, int seed)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        var learnerId = EntityId.New(IdPrefixes.Learner);
        var learner = grains.Learner(community.Id, learnerId);
        await learner.EnrolAsync(new EnrolLearner(faker.Name.FullName(), $"learner{seed}@{faker.Internet.DomainName()}", faker.Company.CompanyName() + " Academy"), Actors.System);
        var artifactId = await EvidenceUpload.CommitAsync(learner, "Incident review", $"# Incident review\n\n{faker.Lorem.Paragraphs(3)}\n");
        var attemptKey = new ScopedKey(community.Id, EntityId.New(IdPrefixes.Attempt)).ToString();
        var attempt = grains.GetGrain<IAttemptGrain>(attemptKey);
        var view = await attempt.SubmitAsync(new SubmitAttempt(learnerId, community.DefinitionId, [artifactId]));
        if (view.Panel.Count < 2)
        {
            throw new InvalidOperationException($"Attempt {attemptKey} got {view.Panel.Count} evaluators; the pool is too small or too busy.");
        }

        await attempt.SubmitReviewAsync(IssuanceCommunity.PassingReview(faker, view.Panel[0].EvaluatorId));
        return new PreparedAttempt(attemptKey, view.Panel[1].EvaluatorId, seed);
    }
}
