using CertGrid.Abstractions.Practice;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Assessments;

/// <summary>Retake policy enforced where attempts are recorded, with the domain clock moving between attempts.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class RetakePolicyTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Cool_down_then_remediation_after_two_fails_each_refused_with_when_and_what()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { Retake = new RetakePolicy(5, 365, 7, 2) });
        for (var i = 0; i < 2; i++)
        {
            await program.EvaluatorAsync();
        }

        var (learnerId, _) = await program.LearnerAsync();
        await FailAsync(program, learnerId, definitionId);

        var cooling = await Assert.ThrowsAsync<CertGridException>(() => program.SubmitAsync(learnerId, definitionId));
        Assert.Equal(ErrorCode.PolicyViolation, cooling.Code);
        var nextDay = RetakeRules.Format(fixture.Cluster.Clock.GetUtcNow().AddDays(7));
        Assert.Contains($"next eligible on {nextDay}", cooling.Message, StringComparison.Ordinal);
        Assert.Single((await program.Learner(learnerId).GetRecordAsync()).Attempts);

        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(7));
        await FailAsync(program, learnerId, definitionId);
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(8));
        var remediation = await Assert.ThrowsAsync<CertGridException>(() => program.SubmitAsync(learnerId, definitionId));
        Assert.Contains("diagnostic self-assessment", remediation.Message, StringComparison.Ordinal);
        Assert.Contains("as soon as what is missing is done", remediation.Message, StringComparison.Ordinal);

        await fixture.Grains.GetGrain<ILearnerPracticeGrain>(program.Key(learnerId))
            .SelfAssessAsync(new SelfAssessment(definitionId, [new CriterionScore("C1", "Proficient", null), new CriterionScore("C2", "Not yet", null)], "I need incident practice."));
        var third = await program.SubmitAsync(learnerId, definitionId);
        Assert.Equal(2, third.Panel.Count);
    }

    [Fact]
    public async Task Concurrent_submissions_cannot_slip_past_the_attempt_limit()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { Retake = new RetakePolicy(1, 30, 0, null) });
        for (var i = 0; i < 6; i++)
        {
            await program.EvaluatorAsync();
        }

        var (learnerId, _) = await program.LearnerAsync();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return (await program.SubmitAsync(learnerId, definitionId, $"# Evidence {i}\n")).Id;
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.PolicyViolation)
            {
                return null;
            }
        }));

        var accepted = Assert.Single(outcomes.OfType<string>());
        Assert.Equal([accepted], (await program.Learner(learnerId).GetRecordAsync()).Attempts.Select(a => a.AttemptId));
        var busy = (await program.Pool.ListAsync()).SelectMany(e => e.ActiveAttemptIds).ToList();
        Assert.Equal(2, busy.Count);
        Assert.All(busy, id => Assert.Equal(accepted, id));
    }

    private static async Task FailAsync(ProgramBuilder program, string learnerId, string definitionId)
    {
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        foreach (var seat in attempt.Panel)
        {
            await program.ReviewAsync(attempt.Id, seat.EvaluatorId, "Not yet");
        }
    }
}
