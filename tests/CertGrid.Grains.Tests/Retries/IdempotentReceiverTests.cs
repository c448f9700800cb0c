using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Retries;
using CertGrid.Domain.Audit;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Tests.Renewals;

namespace CertGrid.Grains.Tests.Retries;

/// <summary>
/// Every durable grain is an idempotent receiver: a call under an operation id it applied gets the first answer and
/// changes nothing, also after the grain was reloaded from storage, until the operation's key expires.
/// </summary>
[Collection(RenewalsGroup.Name)]
public sealed class IdempotentReceiverTests(RenewalsFixture fixture)
{
    private DateTimeOffset Now => fixture.Cluster.Clock.GetUtcNow();

    [Fact]
    public async Task A_change_run_again_under_its_operation_id_answers_the_first_answer_and_is_applied_once()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var ledger = fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(learnerId));
        var first = new RetriedOperation("op_" + Guid.NewGuid().ToString("N"), Now.AddHours(1));
        var activity = new CeActivityInput(CeActivityKind.Course, "Incident review course", 3, "Technical", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1), null);

        var recorded = await RetriedCalls.UnderAsync(first, () => ledger.RecordAsync(activity, false, Actors.Learner(learnerId)));
        var again = await RetriedCalls.UnderAsync(first, () => ledger.RecordAsync(activity, false, Actors.Learner(learnerId)));
        Assert.Equal(recorded, again);
        Assert.Single(await ledger.GetActivitiesAsync());

        // The operation and its answer were stored: a fresh activation (a silo failure, say) still answers it.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(recorded, await RetriedCalls.UnderAsync(first, () => ledger.RecordAsync(activity, false, Actors.Learner(learnerId))));
        Assert.Single(await ledger.GetActivitiesAsync());

        // Another operation (a new request) is a new change; so is one without an id.
        var second = await RetriedCalls.UnderAsync(new RetriedOperation("op_" + Guid.NewGuid().ToString("N"), Now.AddHours(1)), () => ledger.RecordAsync(activity, false, Actors.Learner(learnerId)));
        Assert.NotEqual(recorded.Id, second.Id);
        await ledger.RecordAsync(activity, false, Actors.Learner(learnerId));
        Assert.Equal(3, (await ledger.GetActivitiesAsync()).Count);
    }

    [Fact]
    public async Task A_refused_call_is_not_remembered_and_an_operation_is_forgotten_when_its_key_expires()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, _) = await program.LearnerAsync();
        var ledger = fixture.Grains.GetGrain<ICeLedgerGrain>(program.Key(learnerId));
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var operation = new RetriedOperation("op_" + Guid.NewGuid().ToString("N"), Now.AddMinutes(30));

        var refused = await Assert.ThrowsAsync<CertGridException>(() => RetriedCalls.UnderAsync(operation,
            () => ledger.RecordAsync(new CeActivityInput(CeActivityKind.Event, "Conference", 2, "ethics", today.AddDays(3), null), false, Actors.System)));
        Assert.Equal(ErrorCode.ValidationFailed, refused.Code);
        var valid = new CeActivityInput(CeActivityKind.Event, "Conference", 2, "ethics", today, null);
        var recorded = await RetriedCalls.UnderAsync(operation, () => ledger.RecordAsync(valid, false, Actors.System));
        Assert.Equal(recorded, await RetriedCalls.UnderAsync(operation, () => ledger.RecordAsync(valid, false, Actors.System)));

        fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(31));
        var afterExpiry = await RetriedCalls.UnderAsync(operation, () => ledger.RecordAsync(valid, false, Actors.System));
        Assert.NotEqual(recorded.Id, afterExpiry.Id);
        Assert.Equal(2, (await ledger.GetActivitiesAsync()).Count);
    }
}
