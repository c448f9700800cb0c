using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Persistence;
using CertGrid.Testing;
using Orleans.Runtime;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>
/// Effects of a stored change that cannot be applied (here: the learners read model's table is gone) do not fail the
/// change, are listed for operators with what failed, and are applied once possible even if nobody calls the grain
/// again: the community's sweeper resumes it.
/// </summary>
public sealed class EffectOutboxTests
{
    [Fact]
    public async Task A_failing_effect_is_listed_retried_and_applied_by_the_sweep_after_the_grain_was_deactivated()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var program = new ProgramBuilder(cluster.Grains, GrainClusterFixture.NewCommunity());
        var readModel = cluster.StorageClients.Table(cluster.StorageClients.Names.LearnersTable);
        await readModel.DeleteAsync();

        var (learnerId, profile) = await program.LearnerAsync();
        Assert.Equal(learnerId, profile.Id);
        var learner = cluster.Grains.GetGrain<ILearnerGrain>(program.Key(learnerId));
        var pending = Assert.Single((await cluster.Grains.GetGrain<IEffectOutbox>(learner.GetGrainId()).GetEffectsAsync()).Pending);
        Assert.Equal("RefreshReadModels", pending.Kind);
        Assert.True(pending.Attempts >= 1);
        Assert.Contains("404", pending.LastError, StringComparison.Ordinal);

        var sweeper = cluster.Grains.GetGrain<IEffectSweeperGrain>(program.Community);
        var listed = Assert.Single((await sweeper.ListAsync(new PageRequest(10, null))).Items);
        Assert.Equal((learner.GetGrainId().ToString(), "RefreshReadModels"), (listed.GrainId, listed.FailingEffect));
        Assert.True((await sweeper.GetStatusAsync()).ReminderActive);

        // Nobody calls the learner again: its activation goes, and only the sweep can bring the effect back.
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await readModel.CreateIfNotExistsAsync();
        await Eventually.HoldsAsync(async () => (await sweeper.SweepAsync(), await sweeper.GetStatusAsync()), s => s.Item2.Marked == 0,
            "the sweep has resumed the learner and removed its mark");
        var listedLearners = await cluster.Grains.GetGrain<ILearnerDirectoryGrain>(program.Community).ListAsync(new PageRequest(10, null));
        Assert.Equal(learnerId, Assert.Single(listedLearners.Items).Id);
        Assert.True((await cluster.Grains.GetGrain<IEffectOutbox>(learner.GetGrainId()).GetEffectsAsync()).Settled);
    }
}
