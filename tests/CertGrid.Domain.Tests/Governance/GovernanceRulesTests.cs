using CertGrid.Domain.Governance;

namespace CertGrid.Domain.Tests.Governance;

public class GovernanceRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static CommitteeSeat Seat(string person, int startOffset = -30, int endOffset = 300, int? endedOffset = null) =>
        new($"seat_{person.Replace(":", string.Empty, StringComparison.Ordinal)}", person, person, Today.AddDays(startOffset), Today.AddDays(endOffset),
            endedOffset is { } e ? Today.AddDays(e) : null, null, "admin:key_x", Now);

    private static Vote V(string person, bool approve) => new(person, "seat", approve, null, Now, person);

    private static HashSet<string> Ids(params string[] ids) => new(ids, StringComparer.Ordinal);

    [Theory]
    [InlineData(5, 3, 3, 0, ProposalStatus.Approved)]
    [InlineData(5, 3, 2, 2, ProposalStatus.Open)]
    [InlineData(5, 3, 2, 3, ProposalStatus.Rejected)]
    [InlineData(3, 3, 2, 1, ProposalStatus.Rejected)]
    [InlineData(3, 1, 0, 2, ProposalStatus.Open)]
    public void A_proposal_is_decided_when_the_quorum_is_reached_or_out_of_reach(int electorate, int quorum, int approvals, int rejections, ProposalStatus expected)
    {
        var votes = Enumerable.Range(0, approvals).Select(i => V($"learner:a{i}", true)).Concat(Enumerable.Range(0, rejections).Select(i => V($"learner:r{i}", false))).ToList();
        Assert.Equal(expected, QuorumRule.Tally(electorate, quorum, votes));
    }

    [Fact]
    public void A_quorum_larger_than_the_electorate_is_refused_up_front()
    {
        QuorumRule.RequireReachable(2, 2);
        Assert.Equal(ErrorCode.PolicyViolation, Assert.Throws<CertGridException>(() => QuorumRule.RequireReachable(1, 2)).Code);
    }

    [Fact]
    public void A_member_in_office_who_did_not_propose_may_vote_once()
    {
        var seats = new[] { Seat("learner:a"), Seat("learner:b") };
        var seat = VoteRules.RequireEligible(Ids("learner:a"), Ids("learner:b"), ["learner:a"], seats, [], ProposalStatus.Open, Today);
        Assert.Equal("learner:a", seat.Person);
        var again = Assert.Throws<CertGridException>(() => VoteRules.RequireEligible(Ids("learner:a"), Ids("learner:b"), ["learner:a"], seats, [V("learner:a", true)], ProposalStatus.Open, Today));
        Assert.Equal(ErrorCode.Conflict, again.Code);
    }

    [Fact]
    public void The_proposer_cannot_vote_under_any_of_their_identities()
    {
        var seats = new[] { Seat("evaluator:e") };
        var error = Assert.Throws<CertGridException>(() => VoteRules.RequireEligible(Ids("evaluator:e", "learner:l"), Ids("learner:l"), ["evaluator:e"], seats, [], ProposalStatus.Open, Today));
        Assert.Equal(ErrorCode.Forbidden, error.Code);
        Assert.Contains("proposed", error.Message);
    }

    [Fact]
    public void Non_members_ended_terms_future_terms_and_late_joiners_cannot_vote()
    {
        var seats = new[] { Seat("learner:ended", -400, -1), Seat("learner:early", -30, 300, -1), Seat("learner:future", 10, 400), Seat("learner:late") };
        foreach (var person in new[] { "learner:stranger", "learner:ended", "learner:early", "learner:future" })
        {
            Assert.Equal(ErrorCode.Forbidden, Assert.Throws<CertGridException>(() =>
                VoteRules.RequireEligible(Ids(person), Ids(), ["learner:ended", "learner:early"], seats, [], ProposalStatus.Open, Today)).Code);
        }

        var late = Assert.Throws<CertGridException>(() => VoteRules.RequireEligible(Ids("learner:late"), Ids(), ["learner:ended"], seats, [], ProposalStatus.Open, Today));
        Assert.Contains("after this proposal was opened", late.Message);
    }

    [Fact]
    public void Decided_proposals_take_no_more_votes()
    {
        var seats = new[] { Seat("learner:a") };
        Assert.Equal(ErrorCode.Conflict, Assert.Throws<CertGridException>(() =>
            VoteRules.RequireEligible(Ids("learner:a"), Ids(), ["learner:a"], seats, [], ProposalStatus.Approved, Today)).Code);
    }

    [Fact]
    public void A_seat_ended_early_stops_on_its_last_day()
    {
        var seat = Seat("learner:a", -10, 100, 0);
        Assert.True(seat.IsActiveOn(Today));
        Assert.False(seat.IsActiveOn(Today.AddDays(1)));
        Assert.Equal(Today, seat.LastDay);
    }

    [Fact]
    public void The_daily_check_raises_each_review_and_term_notice_once()
    {
        var due = new ReviewSchedule("fwk_1", "Practice", 365, Today.AddDays(-366), null);
        var notYet = new ReviewSchedule("fwk_2", "Other", 365, Today.AddDays(-10), null);
        var notified = due with { NotifiedForDueOn = due.DueOn };
        Assert.Equal(["fwk_1"], GovernanceSchedule.DueReviews([due, notYet], Today).Select(r => r.FrameworkId));
        Assert.Empty(GovernanceSchedule.DueReviews([notified], Today));

        var seats = new[] { Seat("learner:ending", -300, 10), Seat("learner:ended", -300, -2), Seat("learner:fine", -300, 200) };
        var notices = GovernanceSchedule.TermNotices(seats, Today, 30, new HashSet<(string, string, DateOnly)>(), Now);
        Assert.Equal([(GovernanceSchedule.TermEnding, "learner:ending"), (GovernanceSchedule.TermEnded, "learner:ended")],
            notices.Select(n => (n.Kind, seats.Single(s => s.Id == n.Subject).Person)));
        var raised = notices.Select(n => (n.Kind, n.Subject, n.DueOn)).ToHashSet();
        Assert.Empty(GovernanceSchedule.TermNotices(seats, Today, 30, raised, Now));
    }
}
