using CertGrid.Domain.Retries;

namespace CertGrid.Domain.Tests.Retries;

public class IdempotencyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static IdempotencyEntry Entry(IdempotencyPhase phase, string fingerprint = "f1", int leaseSeconds = 30, int expiresInHours = 24) =>
        new(fingerprint, phase, Now.AddSeconds(leaseSeconds), Now.AddHours(expiresInHours));

    [Fact]
    public void A_key_never_seen_runs()
    {
        Assert.Equal(IdempotencyVerdict.Execute, IdempotencyRules.Decide(null, "f1", safeToRunAgain: false, Now));
    }

    [Fact]
    public void A_completed_request_replays_its_answer_and_a_different_body_is_refused()
    {
        var completed = Entry(IdempotencyPhase.Completed);
        Assert.Equal(IdempotencyVerdict.Replay, IdempotencyRules.Decide(completed, "f1", safeToRunAgain: true, Now));
        Assert.Equal(IdempotencyVerdict.KeyReused, IdempotencyRules.Decide(completed, "f2", safeToRunAgain: true, Now));
    }

    [Fact]
    public void A_running_request_holds_the_key_until_its_lease_ends()
    {
        var running = Entry(IdempotencyPhase.Executing, leaseSeconds: 30);
        Assert.Equal(IdempotencyVerdict.InProgress, IdempotencyRules.Decide(running, "f1", safeToRunAgain: true, Now.AddSeconds(29)));
        Assert.Equal(30, IdempotencyRules.SecondsUntilLeaseEnds(running, Now));
        Assert.Equal(1, IdempotencyRules.SecondsUntilLeaseEnds(running, Now.AddSeconds(29.5)));

        // Its gateway died: the answer is lost, so only an operation safe to run twice runs again.
        Assert.Equal(IdempotencyVerdict.Execute, IdempotencyRules.Decide(running, "f1", safeToRunAgain: true, Now.AddSeconds(30)));
        Assert.Equal(IdempotencyVerdict.OutcomeUnknown, IdempotencyRules.Decide(running, "f1", safeToRunAgain: false, Now.AddSeconds(30)));
    }

    [Theory]
    [InlineData(true, IdempotencyVerdict.Execute)]
    [InlineData(false, IdempotencyVerdict.OutcomeUnknown)]
    public void A_lost_answer_runs_again_only_when_that_cannot_apply_it_twice(bool safe, IdempotencyVerdict expected)
    {
        Assert.Equal(expected, IdempotencyRules.Decide(Entry(IdempotencyPhase.OutcomeUnknown), "f1", safe, Now));
        Assert.Equal(IdempotencyVerdict.KeyReused, IdempotencyRules.Decide(Entry(IdempotencyPhase.OutcomeUnknown), "f2", safe, Now));
    }

    [Theory]
    [InlineData(IdempotencyPhase.Completed)]
    [InlineData(IdempotencyPhase.Executing)]
    [InlineData(IdempotencyPhase.OutcomeUnknown)]
    public void An_expired_record_frees_the_key_for_any_request(IdempotencyPhase phase)
    {
        var recorded = Entry(phase, expiresInHours: 24);
        Assert.NotEqual(IdempotencyVerdict.Execute, IdempotencyRules.Decide(recorded, "f2", safeToRunAgain: false, Now.AddHours(24).AddTicks(-1)));
        Assert.Equal(IdempotencyVerdict.Execute, IdempotencyRules.Decide(recorded, "f2", safeToRunAgain: false, Now.AddHours(24)));
    }
}
