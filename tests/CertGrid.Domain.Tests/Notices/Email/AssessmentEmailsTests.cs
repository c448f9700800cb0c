using CertGrid.Domain.Notices.Email;

namespace CertGrid.Domain.Tests.Notices.Email;

public sealed class AssessmentEmailsTests
{
    private static readonly Uri Unsubscribe = new("https://certgrid.example/email/unsubscribe?token=v1.abc.def");
    private static readonly DateTimeOffset Day = new(2027, 5, 4, 13, 30, 0, TimeSpan.Zero);

    [Fact]
    public void An_issued_credential_names_its_public_page_as_text_and_as_a_link()
    {
        const string page = "https://certgrid.example/c/northwind/credentials/vc_1/page?x=1&y=2";
        var email = RenderedEmail.Render(AssessmentEmails.CredentialIssued("northwind", "vc_1", "lrn_1", "Safe <Rigging>", Day, page),
            EmailText.For("en"), "Ada", "Northwind", Unsubscribe);

        Assert.Equal("Your credential 'Safe <Rigging>' was issued", email.Subject);
        Assert.Contains($"was issued on 4 May 2027. Its public page, which you can share: {page}", email.Text);
        Assert.Contains("<a href=\"https://certgrid.example/c/northwind/credentials/vc_1/page?x=1&amp;y=2\">", email.Html);
        Assert.Contains("Safe &lt;Rigging&gt;", email.Html);
        Assert.Contains("Stop emails about credentials issued to you", email.Text);
    }

    [Fact]
    public void A_detail_that_is_not_a_web_address_is_never_a_link()
    {
        var email = RenderedEmail.Render(AssessmentEmails.ReviewAssigned("northwind", "att_<b>", "evl_1", "Rigging", Day, null), EmailText.For("en"), "Bo", "Northwind", Unsubscribe);

        Assert.DoesNotContain("<a href=\"att", email.Html);
        Assert.Contains("(reference att_&lt;b&gt;)", email.Html);
    }

    [Fact]
    public void A_review_assigned_with_a_deadline_says_by_when_in_the_evaluators_language()
    {
        var due = AssessmentEmails.ReviewAssigned("northwind", "att_1", "evl_1", "Rigging", Day, Day.AddDays(14));
        var english = RenderedEmail.Render(due, EmailText.For("en"), "Bo", "Northwind", Unsubscribe);
        var french = RenderedEmail.Render(due, EmailText.For("fr"), "Bo", "Northwind", Unsubscribe);
        var open = RenderedEmail.Render(AssessmentEmails.ReviewAssigned("northwind", "att_1", "evl_1", "Rigging", Day, null), EmailText.For("en"), "Bo", "Northwind", Unsubscribe);

        Assert.Equal((EmailTopic.Reviews, EmailAudience.Evaluators), (due.Topic, due.Audience));
        Assert.EndsWith("Please submit your review by 18 May 2027.", english.Text.Split("\n\n")[1]);
        Assert.EndsWith("au plus tard le 18 mai 2027.", french.Text.Split("\n\n")[1]);
        Assert.DoesNotContain("Please submit", open.Text);
    }

    [Fact]
    public void A_reminder_says_when_the_review_is_due_in_the_evaluators_language_and_is_about_reviews()
    {
        var due = Day.AddDays(1);
        var reminder = AssessmentEmails.ReviewDueSoon("northwind", "att_1", "evl_1", "Rigging", Day.AddDays(-2), due);
        var english = RenderedEmail.Render(reminder, EmailText.For("en"), "Bo", "Northwind", Unsubscribe);
        var french = RenderedEmail.Render(reminder, EmailText.For("fr-CA"), "Bo", "Northwind", Unsubscribe);

        Assert.Equal((EmailTemplate.ReviewDueSoon, EmailTopic.Reviews, EmailAudience.Evaluators), (reminder.Template, reminder.Topic, reminder.Audience));
        Assert.Equal("Reminder: your review for 'Rigging' is due on 5 May 2027", english.Subject);
        Assert.Contains("(reference att_1) is due on 5 May 2027 at 13:30 UTC and has not been submitted yet.", english.Text);
        Assert.Contains("Stop emails about reviews assigned to you", english.Text);
        Assert.DoesNotContain("Please submit your review by", english.Text);
        Assert.Equal("Rappel : votre évaluation pour « Rigging » est attendue le 5 mai 2027", french.Subject);
        Assert.Contains("(référence att_1) est attendue le 5 mai 2027 à 13:30 UTC", french.Text);
    }

    [Fact]
    public void A_seat_is_reminded_by_one_email_and_a_later_seat_by_another()
    {
        var reminder = AssessmentEmails.ReviewDueSoon("northwind", "att_1", "evl_1", "Rigging", Day, Day.AddDays(3));
        Assert.Equal(reminder.Id, AssessmentEmails.ReviewDueSoon("northwind", "att_1", "evl_1", "Renamed", Day, Day.AddDays(3)).Id);
        Assert.NotEqual(reminder.Id, AssessmentEmails.ReviewDueSoon("northwind", "att_1", "evl_1", "Rigging", Day.AddDays(1), Day.AddDays(4)).Id);
        Assert.NotEqual(reminder.Id, AssessmentEmails.ReviewDueSoon("northwind", "att_1", "evl_2", "Rigging", Day, Day.AddDays(3)).Id);
        Assert.NotEqual(reminder.Id, AssessmentEmails.ReviewAssigned("northwind", "att_1", "evl_1", "Rigging", Day, Day.AddDays(3)).Id);
        Assert.Matches("^eml_[0-9a-f]{20}$", reminder.Id);
    }

    [Fact]
    public void Each_step_is_one_email_whatever_retries_produce_it()
    {
        Assert.Equal(AssessmentEmails.Decided("northwind", "att_1", "lrn_1", "Rigging", true, Day).Id, AssessmentEmails.Decided("northwind", "att_1", "lrn_1", "Rigging", true, Day.AddHours(1)).Id);
        Assert.NotEqual(AssessmentEmails.Decided("northwind", "att_1", "lrn_1", "Rigging", true, Day).Id, AssessmentEmails.Decided("northwind", "att_1", "lrn_1", "Rigging", false, Day).Id);
        Assert.NotEqual(AssessmentEmails.AppealFiled("northwind", "apl_1", "lrn_1", "Rigging", Day).Id, AssessmentEmails.AppealFiled("contoso", "apl_1", "lrn_1", "Rigging", Day).Id);
        Assert.Matches("^eml_[0-9a-f]{20}$", AssessmentEmails.CredentialIssued("northwind", "vc_1", "lrn_1", "Rigging", Day, "https://x.example/").Id);
        // A seat taken again later (the evaluator re-assigned after a panel grew) is a new email.
        Assert.NotEqual(AssessmentEmails.ReviewAssigned("northwind", "att_1", "evl_1", "Rigging", Day, null).Id, AssessmentEmails.ReviewAssigned("northwind", "att_1", "evl_1", "Rigging", Day.AddDays(1), null).Id);
    }

    [Fact]
    public void Learners_and_evaluators_choose_among_their_own_topics()
    {
        Assert.Equal(EmailAudience.Evaluators, EmailAudiences.Of("evl_0123456789abcdefghjk"));
        Assert.Equal(EmailAudience.Learners, EmailAudiences.Of("lrn_0123456789abcdefghjk"));
        Assert.Equal([EmailTopic.Reviews], EmailAudience.Evaluators.Topics());
        Assert.DoesNotContain(EmailTopic.Reviews, EmailAudience.Learners.Topics());
        Assert.Equal(Enum.GetValues<EmailTopic>().Length, EmailAudience.Learners.Topics().Count + EmailAudience.Evaluators.Topics().Count);
        Assert.Equal("SESSION_REMINDERS", EmailTopic.SessionReminders.WireName());
        Assert.Equal("REVIEWS", EmailTopic.Reviews.WireName());
    }
}
