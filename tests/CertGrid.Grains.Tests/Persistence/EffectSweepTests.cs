using Azure.Data.Tables;
using CertGrid.Abstractions.Persistence;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>
/// The sweep removes the marks of every grain that settled, many per request, and leaves none behind; the sweep after a
/// silo loss resumes the grains that silo marked and those with failed effects.
/// </summary>
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

    [Fact]
    public async Task The_sweep_after_a_silo_loss_resumes_the_grains_that_silo_marked_and_those_failing_and_leaves_the_rest_to_the_tick()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => program.LearnerAsync()));
        var sweeper = fixture.Grains.GetGrain<IEffectSweeperGrain>(program.Community);
        var marks = fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.EffectsTable);
        var marked = await marks.QueryAsync<PendingEffectsRow>(r => r.PartitionKey == program.Community).ToListAsync();
        var silos = fixture.Cluster.Cluster.Silos.Select(s => s.SiloAddress.ToParsableString()).ToHashSet();
        Assert.True(marked.Count >= 30, $"{marked.Count} marks");
        Assert.All(marked, m => Assert.True(m.Silo is not null && silos.Contains(m.Silo), $"marked on {m.Silo}"));

        // A silo none of the grains was on: only a grain whose effect failed (as its failure report records it) is resumed.
        var failing = marked[0];
        failing.Attempts = 1;
        await marks.UpdateEntityAsync(failing, failing.ETag, TableUpdateMode.Replace);
        await sweeper.SweepAfterSiloLossAsync("127.0.0.1:1@1");
        var sweep = (await SweptAfterLossOfAsync(sweeper, "127.0.0.1:1@1")).Sweep;
        Assert.Equal((1, 1), (sweep.Resumed, sweep.Settled));

        // The silo most of them were marked on: exactly those are resumed; asked again (every survivor asks), nothing more.
        var busiest = marked.Skip(1).GroupBy(m => m.Silo!).MaxBy(g => g.Count())!;
        await sweeper.SweepAfterSiloLossAsync(busiest.Key);
        await sweeper.SweepAfterSiloLossAsync(busiest.Key);
        sweep = (await SweptAfterLossOfAsync(sweeper, busiest.Key)).Sweep;
        Assert.Equal((busiest.Count(), busiest.Count()), (sweep.Resumed, sweep.Settled));
        Assert.Equal(2, (await sweeper.GetStatusAsync()).SweptAfterSiloLoss.Count);
        Assert.Equal(marked.Count - 1 - busiest.Count(), (await sweeper.GetStatusAsync()).Marked);
    }

    private static async Task<SiloLossSweep> SweptAfterLossOfAsync(IEffectSweeperGrain sweeper, string silo) =>
        (await Eventually.HoldsAsync(sweeper.GetStatusAsync, s => s.SweptAfterSiloLoss.Any(l => l.LostSilo == silo), $"the sweep after the loss of {silo}"))
            .SweptAfterSiloLoss.Single(l => l.LostSilo == silo);
}
