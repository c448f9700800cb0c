using CertGrid.Domain.Retries;

namespace CertGrid.Domain.Tests.Retries;

public class AppliedOperationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_operation_is_found_with_its_answer_until_it_expires()
    {
        var remembered = new List<AppliedOperation>();
        AppliedOperations.Record(remembered, "op_1", Now.AddHours(24), hasAnswer: true, Now);
        Assert.False(AppliedOperations.Find(remembered, "op_1", Now)!.AnswerKept);

        Assert.True(AppliedOperations.KeepAnswer(remembered, "op_1", [1, 2, 3]));
        Assert.Equal([1, 2, 3], AppliedOperations.Find(remembered, "op_1", Now.AddHours(23))!.Answer);
        Assert.Null(AppliedOperations.Find(remembered, "op_1", Now.AddHours(24)));
        Assert.Null(AppliedOperations.Find(remembered, "op_2", Now));
    }

    [Fact]
    public void A_call_without_an_answer_is_complete_when_it_is_recorded()
    {
        var remembered = new List<AppliedOperation>();
        AppliedOperations.Record(remembered, "op_1", Now.AddHours(1), hasAnswer: false, Now);
        Assert.Equal(new AppliedOperation("op_1", Now.AddHours(1), true, null), AppliedOperations.Find(remembered, "op_1", Now));
    }

    [Fact]
    public void Operations_are_forgotten_only_when_their_key_expires_however_many_there_are()
    {
        var remembered = new List<AppliedOperation>();
        AppliedOperations.Record(remembered, "op_short", Now.AddMinutes(1), hasAnswer: false, Now);
        var many = 1000;
        for (var i = 0; i < many; i++)
        {
            AppliedOperations.Record(remembered, $"op_{i}", Now.AddHours(1), hasAnswer: false, Now.AddMinutes(2));
        }

        // The expired one went; none of the thousand within their window did, the oldest included.
        Assert.Equal(many, remembered.Count);
        Assert.DoesNotContain(remembered, o => o.Id == "op_short");
        AppliedOperations.Record(remembered, "op_new", Now.AddHours(1), hasAnswer: false, Now.AddMinutes(3));
        Assert.NotNull(AppliedOperations.Find(remembered, "op_0", Now.AddMinutes(3)));
        Assert.NotNull(AppliedOperations.Find(remembered, "op_new", Now.AddMinutes(3)));
    }

    [Fact]
    public void A_new_operation_that_would_not_fit_is_refused_before_anything_changes_until_the_oldest_expires()
    {
        var remembered = new List<AppliedOperation>();
        var id = (int i) => $"op_{i:D32}";
        var fit = AppliedOperations.MaxRememberedBytes / AppliedOperations.FootprintOf(id(0));
        for (var i = 0; i < fit; i++)
        {
            AppliedOperations.RequireRoom(remembered, id(i), Now);
            AppliedOperations.Record(remembered, id(i), Now.AddHours(24).AddSeconds(i), hasAnswer: false, Now);
        }

        Assert.True(remembered.Sum(o => AppliedOperations.FootprintOf(o.Id)) <= AppliedOperations.MaxRememberedBytes);
        var refused = Assert.Throws<CertGridException>(() => AppliedOperations.RequireRoom(remembered, id(fit), Now.AddHours(1)));
        Assert.Equal(ErrorCode.RateLimited, refused.Code);
        Assert.Contains("Idempotency-Key", refused.Message);
        Assert.Contains(Now.AddHours(24).UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), refused.Message);

        // One it remembers is always answered; once the oldest expired there is room for a new one.
        AppliedOperations.RequireRoom(remembered, id(0), Now.AddHours(1));
        AppliedOperations.RequireRoom(remembered, id(fit), Now.AddHours(24));
        Assert.Equal(fit, remembered.Count);
    }

    [Fact]
    public void Answers_share_a_budget_and_the_oldest_give_up_theirs_but_stay_applied()
    {
        var remembered = new List<AppliedOperation>();
        var large = new byte[AppliedOperations.MaxAnswerBytes];
        var count = (AppliedOperations.MaxAnswerBytesInAll / large.Length) + 1;
        for (var i = 0; i < count; i++)
        {
            AppliedOperations.Record(remembered, $"op_{i}", Now.AddHours(1), hasAnswer: true, Now);
            Assert.True(AppliedOperations.KeepAnswer(remembered, $"op_{i}", large));
        }

        Assert.True(remembered.Sum(o => o.Answer?.Length ?? 0) <= AppliedOperations.MaxAnswerBytesInAll);
        var oldest = AppliedOperations.Find(remembered, "op_0", Now)!;
        Assert.Equal((false, null), (oldest.AnswerKept, oldest.Answer));
        Assert.True(AppliedOperations.Find(remembered, $"op_{count - 1}", Now)!.AnswerKept);

        AppliedOperations.Record(remembered, "op_huge", Now.AddHours(1), hasAnswer: true, Now);
        Assert.False(AppliedOperations.KeepAnswer(remembered, "op_huge", new byte[AppliedOperations.MaxAnswerBytes + 1]));
        Assert.False(AppliedOperations.Find(remembered, "op_huge", Now)!.AnswerKept);
    }

    [Fact]
    public void An_erasure_drops_every_kept_answer_but_keeps_the_operations_applied()
    {
        var remembered = new List<AppliedOperation>();
        AppliedOperations.Record(remembered, "op_recorded", Now.AddHours(1), hasAnswer: true, Now);
        Assert.True(AppliedOperations.KeepAnswer(remembered, "op_recorded", [1, 2, 3]));
        AppliedOperations.Record(remembered, "op_plain", Now.AddHours(1), hasAnswer: false, Now);

        AppliedOperations.ForgetAnswers(remembered);

        Assert.All(remembered, o => Assert.Null(o.Answer));
        Assert.False(AppliedOperations.Find(remembered, "op_recorded", Now)!.AnswerKept);
        Assert.NotNull(AppliedOperations.Find(remembered, "op_plain", Now));
    }
}
