using System.Text.Json;
using Bogus;
using CertGrid.Abstractions.Calibration;
using CertGrid.Grains.Calibration;

namespace CertGrid.Grains.Tests.Calibration;

/// <summary>
/// Issue 13/18: the community's calibration grain held a record per evaluator (a few KB each) and rewrote them all per
/// decision, so a pool of a few hundred evaluators passed Azure Table's 1 MB row. The records now live in a blob folded
/// every <see cref="CalibrationGrain.FoldEvery"/> entries; each decision costs a small row write.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class CalibrationTalliesStorageTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Decisions_over_a_large_pool_keep_the_row_small_and_the_records_survive_a_reactivation_and_redelivery()
    {
        var community = GrainClusterFixture.NewCommunity();
        var calibration = fixture.Grains.GetGrain<ICalibrationGrain>(community);
        var faker = new Faker { Random = new Randomizer(1813) };
        var pool = Enumerable.Range(0, 300).Select(i => $"evl_{i:D22}").ToList();
        var at = fixture.Cluster.Clock.GetUtcNow();
        var decisions = Enumerable.Range(0, 3 * CalibrationGrain.FoldEvery).Select(i => (
            AttemptId: $"att_{i:D22}",
            Reviews: (IReadOnlyList<ReviewAgainstDecision>)faker.PickRandom(pool, 3).Select(evaluator =>
                new ReviewAgainstDecision(evaluator, Enumerable.Range(0, 4).Select(_ => faker.Random.Bool(0.8f)).ToList(), faker.Random.Bool(0.1f))).ToList()))
            .ToList();

        var largestRow = 0L;
        foreach (var (attemptId, reviews) in decisions)
        {
            await calibration.RecordDecisionsAsync([new DecidedAttemptReviews(attemptId, at, Discussed: false, reviews)]);
            largestRow = Math.Max(largestRow, await StoredGrainState.RowBytesAsync(fixture.Cluster, "calibration", calibration.GetGrainId()));
        }

        var listed = JsonSerializer.Serialize(await calibration.ListEvaluatorsAsync());
        var blob = await StoredGrainState.BlobAsync(fixture.Cluster, "calibration-tallies", calibration.GetGrainId());
        Assert.True(largestRow < blob.Length, $"the row reached {largestRow} bytes; the tallies blob has {blob.Length}");
        Assert.Equal(decisions.SelectMany(d => d.Reviews).Select(r => r.EvaluatorId).Distinct().Count(), (await calibration.ListEvaluatorsAsync()).Count);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(listed, JsonSerializer.Serialize(await calibration.ListEvaluatorsAsync()));
        foreach (var (attemptId, reviews) in decisions.Take(10))
        {
            await calibration.RecordDecisionsAsync([new DecidedAttemptReviews(attemptId, at, Discussed: false, reviews)]);
        }

        Assert.Equal(listed, JsonSerializer.Serialize(await calibration.ListEvaluatorsAsync()));
    }

    [Fact]
    public async Task Decisions_sent_together_are_stored_in_one_write_and_each_attempt_counts_once_however_often_it_arrives()
    {
        var community = GrainClusterFixture.NewCommunity();
        var calibration = fixture.Grains.GetGrain<ICalibrationGrain>(community);
        var at = fixture.Cluster.Clock.GetUtcNow();
        DecidedAttemptReviews Decided(int attempt, bool disagreed) =>
            new($"att_{attempt:D22}", at, Discussed: attempt % 2 == 0, [new ReviewAgainstDecision("evl_0000000000000000000001", [true, false], disagreed)]);

        // Storage fails the grain's second write: four decisions in one call must take only the first.
        fixture.Cluster.FailOneWrite(community, skip: 1, afterStoring: false);
        await calibration.RecordDecisionsAsync([Decided(1, disagreed: true), Decided(2, disagreed: false), Decided(1, disagreed: true), Decided(3, disagreed: false)]);
        await Assert.ThrowsAnyAsync<Exception>(() => calibration.RecordDecisionsAsync([Decided(3, disagreed: false), Decided(4, disagreed: true)]));
        await calibration.RecordDecisionsAsync([Decided(3, disagreed: false), Decided(4, disagreed: true)]);

        var evaluator = Assert.Single(await calibration.ListEvaluatorsAsync());
        Assert.Equal((8, 0.5, 2, 2), (evaluator.RecentLevels, evaluator.RecentAgreement, evaluator.Discussions, evaluator.DisagreedWithDecision));
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(JsonSerializer.Serialize(evaluator), JsonSerializer.Serialize(Assert.Single(await calibration.ListEvaluatorsAsync())));
    }
}
