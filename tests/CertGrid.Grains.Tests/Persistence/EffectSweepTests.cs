using CertGrid.Abstractions.Persistence;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>The sweep removes the marks of every grain that settled, many per request, and leaves none behind.</summary>
public sealed class EffectSweepTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task One_sweep_removes_the_marks_of_every_settled_grain_more_than_one_table_batch_holds()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        // Each enrolment stores its read-model refresh as an effect, which marks the learner's grain.
        await Task.WhenAll(Enumerable.Range(0, 130).Select(_ => program.LearnerAsync()));
        var sweeper = fixture.Grains.GetGrain<IEffectSweeperGrain>(program.Community);
        Assert.True((await sweeper.GetStatusAsync()).Marked >= 130);

        var sweep = await sweeper.SweepAsync();
        Assert.True(sweep.Resumed >= 130, $"{sweep.Resumed} marked grains were resumed");
        Assert.Equal((sweep.Resumed, 0), (sweep.Settled, sweep.StillPending));
        Assert.Equal(0, (await sweeper.GetStatusAsync()).Marked);
    }
}
