using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Learners;

/// <summary>
/// What other grains' effects tell an erased learner (an attempt decided, a credential issued, a reservation released after
/// the erasure) is not recorded on the tombstone and does not fail: a failing effect would be retried for ever.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class ErasedLearnerTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Effects_reaching_an_erased_learner_change_nothing_and_succeed_while_direct_calls_still_find_no_learner()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var learner = program.Learner(learnerId);
        await learner.EraseAsync(Actors.System);
        var decidedAt = fixture.Cluster.Clock.GetUtcNow();

        await learner.RecordAttemptAsync(new LearnerAttempt("att_after0000000000000001", "cdef_1", decidedAt, null, null));
        await learner.RecordAttemptOutcomeAsync("att_after0000000000000001", true, decidedAt, "vc_after00000000000000002");
        await learner.RecordCredentialAsync("vc_after00000000000000001");
        await learner.ReleaseAttemptAsync("att_after0000000000000001");

        // Erasing again answers what the tombstone holds: none of it.
        var tombstone = await learner.EraseAsync(Actors.System);
        Assert.Equal((0, 0), (tombstone.Attempts, tombstone.Credentials));
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => learner.GetAsync())).Code);
    }

    [Fact]
    public async Task A_learner_erased_before_their_earned_credential_could_be_issued_gets_none_and_the_issuance_does_not_stay_pending()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, attempt) = await program.SubmittedToTwoEvaluatorsAsync();
        var decided = await IssuingHeldBack.PassAsync(fixture, program, attempt, async _ =>
        {
            await Eventually.HoldsAsync(() => program.Learner(learnerId).GetRecordAsync(), r => r.CredentialIds.Count == 1, "the pass is recorded on the learner");
            await program.Learner(learnerId).EraseAsync(Actors.System);
            await Settled.EffectsOfAsync(fixture.Grains, program.Learner(learnerId));
        });

        Assert.Null(await fixture.Grains.GetGrain<ICredentialGrain>(program.Key(decided.CredentialId!)).FindAsync());
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => program.Learner(learnerId).GetAsync())).Code);
    }
}
