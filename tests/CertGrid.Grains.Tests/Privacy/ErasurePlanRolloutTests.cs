using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Demographics;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Privacy;
using CertGrid.Domain.Demographics;
using CertGrid.Grains.Demographics;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Privacy;

namespace CertGrid.Grains.Tests.Privacy;

/// <summary>
/// A new erasure plan reaches the learners erased before it without an operator: the platform's rollout walks every
/// community's <c>learner.erased</c> audit entries and erases each learner again, which completes only what its plan lacked.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class ErasurePlanRolloutTests(GrainClusterFixture fixture)
{
    private static readonly DeclaredValue Declared = new("age-band", "age-30-plus");

    [Fact]
    public async Task Rolling_a_plan_out_completes_older_erasures_in_every_community_once_and_leaves_everyone_else_alone()
    {
        // Community A: more erasures than one step reads (the last one, on the second page, erased under plan 1), a learner
        // erased under the current plan, and one not erased at all, who keeps their declaration.
        var a = await CommunityAsync();
        var erasedInA = new List<string>();
        for (var i = 0; i <= ErasurePlanRolloutGrain.ErasuresPerStep; i++)
        {
            erasedInA.Add(await ErasedLearnerAsync(a, declared: i == ErasurePlanRolloutGrain.ErasuresPerStep));
        }

        var (kept, _) = await a.LearnerAsync();
        await fixture.Grains.DemographicDeclaration(a.Community, kept).DeclareAsync([Declared]);
        // Community B: one learner erased under plan 1.
        var b = await CommunityAsync();
        var erasedInB = await ErasedLearnerAsync(b, declared: true);

        var olderInA = erasedInA[^1];
        await BackToPlanOneAsync(a, olderInA);
        await BackToPlanOneAsync(b, erasedInB);
        await RolloutLastDoneForPlanOneAsync();
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal([Declared], await fixture.Grains.DemographicDeclaration(a.Community, olderInA).GetAsync());

        var rollout = fixture.Grains.GetGrain<IErasurePlanRolloutGrain>(0);
        var started = await rollout.EnsureAsync();
        Assert.Equal(ErasurePlan.Version, started.Plan);
        var done = await Eventually.HoldsAsync(() => rollout.GetAsync(), r => r.Done, "the rollout finishes", timeoutMs: 60_000);

        Assert.Empty(await fixture.Grains.DemographicDeclaration(a.Community, olderInA).GetAsync());
        Assert.Empty(await fixture.Grains.DemographicDeclaration(b.Community, erasedInB).GetAsync());
        Assert.Equal([Declared], await fixture.Grains.DemographicDeclaration(a.Community, kept).GetAsync());
        Assert.True(done.CommunitiesWalked >= 2, $"{done.CommunitiesWalked} communities walked");
        Assert.True(done.ErasedLearnersChecked >= erasedInA.Count + 1, $"{done.ErasedLearnersChecked} erased learners checked");
        Assert.NotNull(done.CompletedAt);

        // Asked again (every silo asks at start), nothing more happens: each older erasure was completed once, by the rollout.
        Assert.True((await rollout.EnsureAsync()).Done);
        foreach (var (program, learnerId) in new[] { (a, olderInA), (b, erasedInB) })
        {
            var completed = (await AuditTrail.AllAsync(fixture.Grains, program.Community)).Where(e => e.Action == ErasurePlan.CompletedAction).ToList();
            var entry = Assert.Single(completed);
            Assert.Equal(learnerId, entry.Subject);
            Assert.Equal(ErasurePlanRolloutGrain.Actor, entry.Actor);
        }
    }

    private async Task<ProgramBuilder> CommunityAsync()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        await fixture.Grains.GetGrain<IFairnessPolicyGrain>(program.Community).DefineAttributeAsync(
            new DemographicAttributeDefinition("age-band", ["age-under-30", "age-30-plus"], [new DemographicLabel("en", "Age band")]), "admin:test");
        return program;
    }

    private async Task<string> ErasedLearnerAsync(ProgramBuilder program, bool declared)
    {
        var (learnerId, _) = await program.LearnerAsync();
        if (declared)
        {
            await fixture.Grains.DemographicDeclaration(program.Community, learnerId).DeclareAsync([Declared]);
        }

        var learner = program.Learner(learnerId);
        await learner.EraseAsync("admin:test");
        await Settled.EffectsOfAsync(fixture.Grains, learner);
        return learnerId;
    }

    /// <summary>What an erasure before 2026-12-06 left: a tombstone of plan 1 (stored without a plan), its effects long done, and the declaration.</summary>
    private async Task BackToPlanOneAsync(ProgramBuilder program, string learnerId)
    {
        await StoredGrainState.ChangeAsync<LearnerState>(fixture.Cluster, "learner", program.Learner(learnerId).GetGrainId(), state =>
        {
            state.ErasurePlanVersion = 0;
            state.Effects.Clear();
        });
        var declaration = fixture.Grains.DemographicDeclaration(program.Community, learnerId);
        await StoredGrainState.ChangeAsync<DemographicDeclarationState>(fixture.Cluster, "demographics", declaration.GetGrainId(), state => state.Values = [Declared]);
    }

    /// <summary>The platform as a release before plan 2 left it: plan 1 rolled out (test silos do not start the rollout themselves, so nothing is stored yet).</summary>
    private Task RolloutLastDoneForPlanOneAsync() =>
        StoredGrainState.WriteAsync(fixture.Cluster, "erasure-plan-rollout", fixture.Grains.GetGrain<IErasurePlanRolloutGrain>(0).GetGrainId(),
            new ErasurePlanRolloutState { Plan = 1, RolledOutPlan = 1 });
}
