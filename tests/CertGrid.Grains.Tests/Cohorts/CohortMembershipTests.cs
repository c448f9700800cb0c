using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Persistence;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;
using CertGrid.Grains.Learners;

namespace CertGrid.Grains.Tests.Cohorts;

/// <summary>
/// Learners joining a cohort: the cohort stores its members and, in the same write, the follow-up of recording the
/// cohort on each learner (an effect of its outbox), so a learner whose grain is out at that moment gets it later.
/// </summary>
public sealed class CohortMembershipTests
{
    [Fact]
    public async Task Members_added_while_their_learner_grains_are_out_get_the_cohort_on_their_record_once_they_are_back()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var program = new ProgramBuilder(cluster.Grains, GrainClusterFixture.NewCommunity());
        var learners = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            learners.Add((await program.LearnerAsync()).Id);
        }

        var cohortId = EntityId.New(IdPrefixes.Cohort);
        var cohort = cluster.Grains.GetGrain<ICohortGrain>(program.Key(cohortId));
        await cohort.CreateAsync(new CreateCohort("Autumn cohort", new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 1), []), Actors.System);

        cluster.BeginOutage("ILearnerGrain.RecordCohortAsync");
        var info = await cohort.AddMembersAsync(learners, Actors.System);
        Assert.Equal(learners.Order(), info.MemberIds.Order());
        var outbox = cluster.Grains.GetGrain<IEffectOutbox>(cohort.GetGrainId());
        Assert.Equal(3, (await outbox.GetEffectsAsync()).Pending.Count(e => e.Kind == nameof(RecordCohortOnLearner)));
        foreach (var learner in learners)
        {
            Assert.Empty((await program.Learner(learner).GetRecordAsync()).CohortIds);
        }

        cluster.EndOutage();
        await Eventually.HoldsAsync(outbox.ResumeEffectsAsync, backlog => backlog.Settled, "the cohort's effects are applied", timeoutMs: 30_000);
        foreach (var learner in learners)
        {
            Assert.Equal([cohortId], (await program.Learner(learner).GetRecordAsync()).CohortIds);
        }

        // Adding them again changes nothing; an unknown learner is refused before anything is stored.
        Assert.Equal(3, (await cohort.AddMembersAsync(learners, Actors.System)).MemberIds.Count);
        var unknown = EntityId.New(IdPrefixes.Learner);
        var refused = await Assert.ThrowsAsync<CertGridException>(() => cohort.AddMembersAsync([unknown], Actors.System));
        Assert.Equal(ErrorCode.NotFound, refused.Code);
        Assert.DoesNotContain(unknown, (await cohort.GetAsync()).MemberIds);
    }
}
