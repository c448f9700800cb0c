using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Persistence;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>A pass decided while credentials cannot be issued: what happens before its credential exists, then after.</summary>
public static class IssuingHeldBack
{
    /// <summary>
    /// Reviews the submitted attempt to a pass with <c>ICredentialGrain.IssueAsync</c> unreachable, runs
    /// <paramref name="meanwhile"/> with the decision, then ends the outage and has the attempt retry its effects now
    /// until they are all applied. Returns the decision.
    /// </summary>
    public static async Task<AttemptView> PassAsync(GrainClusterFixture fixture, ProgramBuilder program, AttemptView attempt, Func<AttemptView, Task> meanwhile)
    {
        await program.ReviewAsync(attempt.Id, attempt.Panel[0].EvaluatorId, "Exemplary");
        var grain = program.Attempt(attempt.Id);
        AttemptView decided;
        fixture.Cluster.BeginOutage("ICredentialGrain.IssueAsync");
        try
        {
            decided = await grain.SubmitReviewAsync(program.Review(attempt.Panel[1].EvaluatorId, "Exemplary"));
            Assert.Equal(AttemptStatus.Passed, decided.Status);
            await meanwhile(decided);
        }
        finally
        {
            fixture.Cluster.EndOutage();
        }

        await fixture.Grains.GetGrain<IEffectOutbox>(grain.GetGrainId()).RetryEffectsNowAsync();
        await Settled.EffectsOfAsync(fixture.Grains, grain);
        return decided;
    }
}
