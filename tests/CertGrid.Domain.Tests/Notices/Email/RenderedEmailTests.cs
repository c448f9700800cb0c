using CertGrid.Domain.Notices;
using CertGrid.Domain.Notices.Email;

namespace CertGrid.Domain.Tests.Notices.Email;

public sealed class RenderedEmailTests
{
    private static readonly Uri Unsubscribe = new("https://certgrid.example/email/unsubscribe?token=v1.abc.def");

    private static readonly Notice Expired = new("ntc_0123456789abcdefghjk", NoticeKind.Expired, "lrn_0123456789abcdefghjk", "vc_1", "def_1", "Safe <Rigging> & Lifting",
        new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), "", new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero), null);

    [Fact]
    public void Every_template_has_a_subject_and_body_in_every_language_and_every_topic_a_name()
    {
        foreach (var language in EmailText.Available)
        {
            var text = EmailText.For(language);
            Assert.Equal(language, text.Language);
            Assert.All(Enum.GetValues<EmailTemplate>(), t => Assert.False(string.IsNullOrWhiteSpace(text.Templates[t].Body)));
            Assert.All(Enum.GetValues<EmailTopic>(), t => Assert.False(string.IsNullOrWhiteSpace(text.Topics[t])));
        }
    }

    [Fact]
    public void A_notice_is_written_in_the_first_language_we_write_with_text_and_encoded_html()
    {
        var email = RenderedEmail.Render(NoticeEmail.Of(Expired), EmailText.For("de", "fr-CA", "en"), "Zoë <O'Brien>", "Riggers & Co", Unsubscribe);

        Assert.Equal("fr", email.Language);
        Assert.Equal("« Safe <Rigging> & Lifting » a expiré", email.Subject);
        Assert.Contains("Bonjour Zoë <O'Brien>,", email.Text);
        Assert.Contains("a expiré le 1 mars 2027 et est suspendu. Vous pouvez encore le renouveler jusqu'au 31 mars 2027.", email.Text);
        Assert.Contains($"Ne plus recevoir d'e-mails sur les rappels de renouvellement: {Unsubscribe}", email.Text);
        Assert.Contains("<html lang=\"fr\">", email.Html);
        Assert.Contains("Safe &lt;Rigging&gt; &amp; Lifting", email.Html);
        Assert.Contains("Zo&#235; &lt;O&#39;Brien&gt;", email.Html);
        Assert.DoesNotContain("<Rigging>", email.Html);
        Assert.Contains("href=\"https://certgrid.example/email/unsubscribe?token=v1.abc.def\"", email.Html);
    }

    [Fact]
    public void A_session_reminder_names_the_day_time_and_length_and_its_id_follows_the_session_time()
    {
        var startsAt = new DateTimeOffset(2027, 5, 4, 13, 30, 0, TimeSpan.Zero);
        var reminder = NoticeEmail.SessionReminder("northwind", "bkg_1", "lrn_1", startsAt, 45);
        var email = RenderedEmail.Render(reminder, EmailText.For(null, "en"), "Ada", "Northwind", Unsubscribe);

        Assert.Equal(EmailTopic.SessionReminders, reminder.Topic);
        Assert.Equal("Your assessment session on 4 May 2027", email.Subject);
        Assert.Contains("starts on 4 May 2027 at 13:30 UTC and lasts 45 minutes.", email.Text);
        Assert.Equal(reminder.Id, NoticeEmail.SessionReminder("northwind", "bkg_1", "lrn_1", startsAt, 45).Id);
        Assert.NotEqual(reminder.Id, NoticeEmail.SessionReminder("northwind", "bkg_1", "lrn_1", startsAt.AddDays(1), 45).Id);
    }
}
