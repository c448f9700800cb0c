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
            await calibration.RecordDecisionAsync(attemptId, at, discussed: false, reviews);
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
            await calibration.RecordDecisionAsync(attemptId, at, discussed: false, reviews);
        }

        Assert.Equal(listed, JsonSerializer.Serialize(await calibration.ListEvaluatorsAsync()));
    }
}
