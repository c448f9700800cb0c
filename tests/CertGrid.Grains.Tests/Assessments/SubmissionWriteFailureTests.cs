using System.Text.Json;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Retries;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Assessments;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Assessments;

/// <summary>
/// Issue 14: a submission whose write fails keeps or frees its panel by what storage really holds, and a submission run
/// again under its operation id after its silo died right after the write answers the first answer.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class SubmissionWriteFailureTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_submission_stored_but_answered_unavailable_keeps_its_panel_and_one_never_stored_frees_it()
    {
        var (program, definitionId, evaluators) = await ProgramAsync();
        var (learnerId, _) = await program.LearnerAsync();

        // Stored, then the answer was lost: the attempt exists, so its evaluators and the learner's reservation stay held.
        var storedId = EntityId.New(IdPrefixes.Attempt);
        var command = await CommandAsync(program, learnerId, definitionId);
        fixture.Cluster.FailOneWrite(program.Key(storedId), skip: 0, afterStoring: true);
        var lost = await Assert.ThrowsAsync<CertGridException>(() => program.Attempt(storedId).SubmitAsync(command));
        Assert.Equal(ErrorCode.Unavailable, lost.Code);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var stored = await program.Attempt(storedId).GetAsync();
        Assert.Equal(2, stored.Panel.Count);
        foreach (var seat in stored.Panel)
        {
            Assert.Contains(storedId, (await program.Pool.GetAsync(seat.EvaluatorId)).ActiveAttemptIds);
        }

        Assert.Contains((await program.Learner(learnerId).GetRecordAsync()).Attempts, a => a.AttemptId == storedId);

        // Refused before storing: nothing of it remains, neither seats nor the learner's reservation.
        var (other, _) = await program.LearnerAsync();
        var refusedId = EntityId.New(IdPrefixes.Attempt);
        var otherCommand = await CommandAsync(program, other, definitionId);
        fixture.Cluster.FailOneWrite(program.Key(refusedId), skip: 0, afterStoring: false);
        var refused = await Assert.ThrowsAsync<CertGridException>(() => program.Attempt(refusedId).SubmitAsync(otherCommand));
        Assert.Equal(ErrorCode.Unavailable, refused.Code);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => program.Attempt(refusedId).GetAsync())).Code);
        foreach (var evaluatorId in evaluators)
        {
            Assert.DoesNotContain(refusedId, (await program.Pool.GetAsync(evaluatorId)).ActiveAttemptIds);
        }

        Assert.DoesNotContain((await program.Learner(other).GetRecordAsync()).Attempts, a => a.AttemptId == refusedId);
    }

    [Fact]
    public async Task A_submission_storage_could_not_confirm_and_never_stored_frees_its_seats_at_the_scheduled_check()
    {
        var (program, definitionId, evaluators) = await ProgramAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var attemptId = EntityId.New(IdPrefixes.Attempt);
        var command = await CommandAsync(program, learnerId, definitionId);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => program.Attempt(attemptId).GetAsync())).Code);

        // The write is refused without storing, and every read that could tell fails too: the seats stay held for now.
        fixture.Cluster.FailOneWrite(program.Key(attemptId), skip: 0, afterStoring: false);
        fixture.Cluster.FailReads(program.Key(attemptId));
        try
        {
            Assert.Equal(ErrorCode.Unavailable, (await Assert.ThrowsAsync<CertGridException>(() => program.Attempt(attemptId).SubmitAsync(command))).Code);
        }
        finally
        {
            fixture.Cluster.EndFailingReads(program.Key(attemptId));
        }

        async Task<int> HeldSeatsAsync() => (await Task.WhenAll(evaluators.Select(e => program.Pool.GetAsync(e)))).Count(p => p.ActiveAttemptIds.Contains(attemptId));
        Assert.Equal(2, await HeldSeatsAsync());
        Assert.Contains((await program.Learner(learnerId).GetRecordAsync()).Attempts, a => a.AttemptId == attemptId);

        // At the check, storage answers again: no attempt was stored, so nothing of it stays held.
        fixture.Cluster.Clock.Advance(AttemptGrain.UnconfirmedSubmissionCheck + TimeSpan.FromMinutes(1));
        await fixture.Grains.GetGrain<IDeadlineBucketGrain>(program.Community).SweepAsync();
        await Eventually.HoldsAsync(HeldSeatsAsync, held => held == 0, "the seats are released");
        await Eventually.HoldsAsync(async () => (await program.Learner(learnerId).GetRecordAsync()).Attempts, a => a.All(x => x.AttemptId != attemptId), "the reservation is released");
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<CertGridException>(() => program.Attempt(attemptId).GetAsync())).Code);
    }

    [Fact]
    public async Task A_submission_whose_silo_died_after_its_write_answers_its_first_answer_when_run_again()
    {
        var (program, definitionId, _) = await ProgramAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var attemptId = EntityId.New(IdPrefixes.Attempt);
        var command = await CommandAsync(program, learnerId, definitionId);
        var operation = new RetriedOperation("op_" + Guid.NewGuid().ToString("N"), fixture.Cluster.Clock.GetUtcNow().AddHours(1));

        // The attempt's write after the one storing the change fails, as if its silo died right after that write.
        fixture.Cluster.FailOneWrite(program.Key(attemptId), skip: 1, afterStoring: false);
        var first = await RetriedCalls.UnderAsync(operation, () => program.Attempt(attemptId).SubmitAsync(command));
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var again = await RetriedCalls.UnderAsync(operation, () => program.Attempt(attemptId).SubmitAsync(command));
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(again));
        Assert.Single((await program.Learner(learnerId).GetRecordAsync()).Attempts, a => a.AttemptId == attemptId);
    }

    private async Task<(ProgramBuilder Program, string DefinitionId, List<string> Evaluators)> ProgramAsync()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(evaluators: 2);
        var evaluators = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            evaluators.Add(await program.EvaluatorAsync());
        }

        return (program, definitionId, evaluators);
    }

    private static async Task<SubmitAttempt> CommandAsync(ProgramBuilder program, string learnerId, string definitionId) =>
        new(learnerId, definitionId, [await Uploads.CommitAsync(program.Learner(learnerId), $"# Evidence\n\n{program.Faker.Lorem.Paragraph()}\n")], null);
}
