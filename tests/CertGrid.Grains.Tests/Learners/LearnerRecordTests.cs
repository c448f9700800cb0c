using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;

namespace CertGrid.Grains.Tests.Learners;

/// <summary>What a decision records on its learner, and when.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class LearnerRecordTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_pass_lists_its_credential_on_the_learner_with_the_outcome_before_it_is_issued_and_issuing_it_lists_nothing_more()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, attempt) = await program.SubmittedToTwoEvaluatorsAsync();
        var decided = await IssuingHeldBack.PassAsync(fixture, program, attempt, async pass =>
        {
            // The credential cannot be issued yet; the learner's record already holds the outcome and the credential's id.
            var record = await Eventually.HoldsAsync(() => program.Learner(learnerId).GetRecordAsync(),
                r => r.Attempts.Single().Passed == true, "the outcome is recorded on the learner");
            Assert.Equal([pass.CredentialId!], record.CredentialIds);
            Assert.Null(await fixture.Grains.GetGrain<ICredentialGrain>(program.Key(pass.CredentialId!)).FindAsync());
        });

        var credentialGrain = fixture.Grains.GetGrain<ICredentialGrain>(program.Key(decided.CredentialId!));
        Assert.NotNull(await credentialGrain.FindAsync());
        await Settled.EffectsOfAsync(fixture.Grains, credentialGrain);
        Assert.Equal([decided.CredentialId!], (await program.Learner(learnerId).GetRecordAsync()).CredentialIds);
    }

    [Fact]
    public async Task A_failed_attempt_records_its_outcome_and_no_credential()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, attempt) = await program.SubmittedToTwoEvaluatorsAsync();
        await program.ReviewAsync(attempt.Id, attempt.Panel[0].EvaluatorId, "Not yet");
        var decided = await program.ReviewAsync(attempt.Id, attempt.Panel[1].EvaluatorId, "Not yet");
        Assert.Equal(AttemptStatus.Failed, decided.Status);

        await Settled.EffectsOfAsync(fixture.Grains, program.Attempt(attempt.Id));
        var record = await program.Learner(learnerId).GetRecordAsync();
        Assert.False(record.Attempts.Single().Passed);
        Assert.Empty(record.CredentialIds);
    }
}
