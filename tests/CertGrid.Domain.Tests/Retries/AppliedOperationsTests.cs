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
    public void Expired_and_the_oldest_operations_beyond_the_bound_are_forgotten_when_one_is_recorded()
    {
        var remembered = new List<AppliedOperation>();
        AppliedOperations.Record(remembered, "op_short", Now.AddMinutes(1), hasAnswer: false, Now);
        for (var i = 0; i < AppliedOperations.MaxRemembered; i++)
        {
            AppliedOperations.Record(remembered, $"op_{i}", Now.AddHours(1), hasAnswer: false, Now.AddMinutes(2));
        }

        Assert.Equal(AppliedOperations.MaxRemembered, remembered.Count);
        Assert.DoesNotContain(remembered, o => o.Id == "op_short");
        AppliedOperations.Record(remembered, "op_new", Now.AddHours(1), hasAnswer: false, Now.AddMinutes(3));
        Assert.Equal(AppliedOperations.MaxRemembered, remembered.Count);
        Assert.Null(AppliedOperations.Find(remembered, "op_0", Now.AddMinutes(3)));
        Assert.NotNull(AppliedOperations.Find(remembered, "op_new", Now.AddMinutes(3)));
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
}
