using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Events;
using CertGrid.Domain.Notices;

namespace CertGrid.Domain.Tests.Events;

public class EventTypeRulesTests
{
    private static readonly DateTimeOffset At = new(2027, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("credential.unsuspended", "credential.reinstated")]
    [InlineData("attempt.assigned", "evaluator.assigned")]
    [InlineData("renewal.renewed", "credential.renewed")]
    [InlineData("renewal.expired", "credential.expired")]
    [InlineData("learner.enrolled", "learner.enrolled")]
    public void An_audited_decision_raises_the_event_others_follow_under_the_audit_entrys_id(string action, string type)
    {
        var audit = new AuditEvent("0193abc", At, "admin:key_1", action, "vc_1", """{"reason":"private words"}""");
        var raised = DomainEvent.Raised(audit, new EventSubject(LearnerId: "lrn_1"));

        Assert.Equal(new DomainEvent("evt_0193abc", type, At, new EventSubject(LearnerId: "lrn_1")), raised);
        Assert.DoesNotContain("private words", EventPayload.Serialize("c1", raised!, 7));
    }

    [Fact]
    public void Internal_steps_raise_no_event()
    {
        Assert.Null(DomainEvent.Raised(new AuditEvent("e1", At, "system", "attempt.discussion-opened", "att_1", "{}"), new EventSubject()));
        Assert.Equal(12, DomainEventTypes.All.Count);
    }

    [Fact]
    public void A_cursor_names_a_place_in_the_feed_and_nothing_else_is_accepted()
    {
        Assert.Equal(42, FeedCursor.Parse(FeedCursor.Of(42), "after"));
        Assert.Equal(0, FeedCursor.Parse(null, "after"));
        foreach (var bad in new[] { "42", "evc1.", "evc1.-1", "evc1.1e3", "evc2.5", "evc1.99999999999999999999" })
        {
            var error = Assert.Throws<CertGridException>(() => FeedCursor.Parse(bad, "after"));
            Assert.Equal((ErrorCode.ValidationFailed, "after"), (error.Code, error.Field));
        }
    }

    [Fact]
    public void A_type_filter_names_known_types_once_each()
    {
        Assert.Null(DomainEventTypes.RequireKnown([], "types"));
        Assert.Equal(new[] { "credential.issued" }, DomainEventTypes.RequireKnown(["credential.issued"], "types")!);
        Assert.Equal("types[1]", Assert.Throws<CertGridException>(() => DomainEventTypes.RequireKnown(["credential.issued", "renewal.expired"], "types")).Field);
        Assert.Equal("types[1]", Assert.Throws<CertGridException>(() => DomainEventTypes.RequireKnown(["learner.enrolled", "learner.enrolled"], "types")).Field);
        Assert.Equal("types", Assert.Throws<CertGridException>(() => EventTypeFilter.Require(Enumerable.Repeat("x", 31).ToList(), ["x"], "types")).Field);
    }

    [Fact]
    public void An_endpoint_without_types_keeps_receiving_renewal_notices_only()
    {
        Assert.True(WebhookEventTypes.Receives(null, NoticeKind.Expired.EventType()));
        Assert.False(WebhookEventTypes.Receives(null, DomainEventTypes.CredentialIssued));
        Assert.True(WebhookEventTypes.Receives(["credential.issued"], DomainEventTypes.CredentialIssued));
        Assert.False(WebhookEventTypes.Receives(["credential.issued"], NoticeKind.Expired.EventType()));
        Assert.Contains("renewal.window_opened", WebhookEventTypes.All);
    }
}
