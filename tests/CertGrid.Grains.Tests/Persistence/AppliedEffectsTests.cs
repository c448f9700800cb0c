using Azure.Data.Tables;
using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>
/// A grain collected as idle does not rewrite its whole state to forget the effects it applied: it records how far they
/// were applied in a small row, and its next activation drops them instead of applying them again — but only against the
/// record the row names, so an effect not known applied is never skipped.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class AppliedEffectsTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_collected_grain_records_how_far_its_effects_were_applied_and_its_next_activation_applies_none_of_them_again()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var learner = program.Learner(learnerId);
        await Settled.EffectsOfAsync(fixture.Grains, learner);
        var stateBefore = await StoredGrainState.RowAsync(fixture.Cluster, "learner", learner.GetGrainId());

        await CollectIdleGrainsAsync();
        var applied = await AppliedRowAsync(program.Community, learner);
        Assert.NotNull(applied);
        Assert.True(applied.AppliedThrough > 0, "the row covers the learner's effects");
        Assert.Equal(stateBefore!.ETag, (await StoredGrainState.RowAsync(fixture.Cluster, "learner", learner.GetGrainId()))!.ETag);

        // The learner's read-model row is removed behind its back: applying the stored effects again would write it back.
        await LearnerRowsAsync(async rows => await rows.DeleteEntityAsync(program.Community, learnerId));
        Assert.Equal(learnerId, (await learner.GetAsync()).Id);
        await Settled.EffectsOfAsync(fixture.Grains, learner);
        Assert.False(await LearnerRowExistsAsync(program.Community, learnerId), "the activation applied the stored effects again");

        // Activated again, the grain is rewritten once when collected, so the row is not read on every activation.
        await CollectIdleGrainsAsync();
        Assert.NotEqual(stateBefore.ETag, (await StoredGrainState.RowAsync(fixture.Cluster, "learner", learner.GetGrainId()))!.ETag);
        await AppliedEffectsTable.DeleteEntityAsync(applied.PartitionKey, applied.RowKey);
        Assert.Equal(learnerId, (await learner.GetAsync()).Id);
        await Settled.EffectsOfAsync(fixture.Grains, learner);
        Assert.False(await LearnerRowExistsAsync(program.Community, learnerId), "the rewritten state listed the applied effects");
    }

    [Fact]
    public async Task A_row_naming_another_record_of_the_grain_is_not_trusted_and_the_effects_are_applied_again()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var learner = program.Learner(learnerId);
        await Settled.EffectsOfAsync(fixture.Grains, learner);
        await CollectIdleGrainsAsync();
        var applied = await AppliedRowAsync(program.Community, learner);
        Assert.NotNull(applied);

        // As if the state had been deleted and written afresh since the row was stored: its effects are numbered anew.
        applied.Incarnation = "another-record";
        await AppliedEffectsTable.UpsertEntityAsync(applied, TableUpdateMode.Replace);
        await LearnerRowsAsync(async rows => await rows.DeleteEntityAsync(program.Community, learnerId));
        Assert.Equal(learnerId, (await learner.GetAsync()).Id);
        await Eventually.HoldsAsync(() => LearnerRowExistsAsync(program.Community, learnerId), exists => exists, "the learner's row is written again");
    }

    private TableClient AppliedEffectsTable => fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.AppliedEffectsTable);

    private Task CollectIdleGrainsAsync() => fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private async Task<AppliedEffectsRow?> AppliedRowAsync(string community, IAddressable grain)
    {
        var found = await AppliedEffectsTable.GetEntityIfExistsAsync<AppliedEffectsRow>(community, PendingEffectsRow.RowKeyOf(grain.GetGrainId()));
        return found.HasValue ? found.Value : null;
    }

    private Task LearnerRowsAsync(Func<TableClient, Task> act) =>
        act(fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.LearnersTable));

    private async Task<bool> LearnerRowExistsAsync(string community, string learnerId) =>
        (await fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.LearnersTable).GetEntityIfExistsAsync<TableEntity>(community, learnerId)).HasValue;
}
