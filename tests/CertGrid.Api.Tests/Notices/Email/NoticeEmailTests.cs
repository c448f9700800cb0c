using System.Net;
using System.Text.RegularExpressions;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Notices.Email;

/// <summary>
/// Issue 19.3 over GraphQL and HTTP against a real SMTP server (maildev): a renewal notice reaches its holder by email in
/// the language they chose, as text and HTML, with a one-click unsubscribe link that stops further emails of its topic.
/// </summary>
public sealed partial class NoticeEmailTests(EmailServerFixture server) : IClassFixture<EmailServerFixture>
{
    private const string Preferences = "query($l: ID) { emailPreferences(learnerId: $l) { learnerId topics language bouncing updatedAt } }";
    private const string SetPreferences = "mutation($input: EmailPreferencesInput!) { setEmailPreferences(input: $input) { topics language } }";

    [Fact]
    public async Task A_renewal_notice_is_emailed_in_the_holders_language_and_its_unsubscribe_link_stops_the_next_ones()
    {
        var address = $"holder-{Guid.NewGuid():N}@example.org";
        var holder = await RenewableCredential.EarnAsync(server.Cluster, address);
        var graphQl = holder.Scenario.GraphQl;

        // Every topic by email, in the community's language, until the learner chooses; they choose French.
        var initial = (await graphQl.DataAsync(Preferences, key: holder.LearnerKey)).GetProperty("emailPreferences");
        Assert.Equal(["RENEWALS", "SESSION_REMINDERS", "CREDENTIALS", "DECISIONS", "APPEALS"], initial.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, initial.GetProperty("language").ValueKind);
        var unknown = await graphQl.ErrorAsync("VALIDATION_FAILED", SetPreferences, new { input = new { topics = new[] { "RENEWALS" }, language = "de" } }, holder.LearnerKey);
        Assert.Equal("input.language", unknown.GetProperty("extensions").GetProperty("field").GetString());
        await graphQl.ErrorAsync("FORBIDDEN", SetPreferences, new { input = new { topics = Array.Empty<string>() } }, holder.Scenario.AdminKey);
        var chosen = (await graphQl.DataAsync(SetPreferences, new { input = new { topics = new[] { "RENEWALS", "SESSION_REMINDERS" }, language = "FR" } }, holder.LearnerKey))
            .GetProperty("setEmailPreferences");
        Assert.Equal("fr", chosen.GetProperty("language").GetString());
        var seenByAdmin = (await graphQl.DataAsync(Preferences, new { l = holder.LearnerId }, holder.Scenario.AdminKey)).GetProperty("emailPreferences");
        Assert.Equal("fr", seenByAdmin.GetProperty("language").GetString());
        var stranger = await holder.Scenario.EnrolLearnerAsync();
        await graphQl.ErrorAsync("FORBIDDEN", Preferences, new { l = holder.LearnerId }, stranger.Key);

        // The renewal window opens: the notice is in the feed and in the holder's mailbox, in French, as text and HTML.
        await holder.ReachAsync(server.Clock, daysBeforeExpiry: 59);
        var noticeId = Assert.Single(await holder.NoticeIdsAsync());
        var mail = Assert.Single(await RenewalMailAsync(address));
        Assert.StartsWith("Vous pouvez renouveler", mail.Subject);
        Assert.Contains("peut maintenant être renouvelé", mail.Text);
        Assert.Contains("<html lang=\"fr\">", mail.Html);
        Assert.Contains("peut maintenant être renouvelé", WebUtility.HtmlDecode(mail.Html));
        Assert.StartsWith($"<{noticeId}.{holder.Scenario.Community}@certgrid.test>", mail.Header("message-id"));
        var link = UnsubscribeLink().Match(mail.Text!).Value;
        var source = await MailDevInbox.SourceAsync(mail);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", source);
        Assert.Contains($"List-Unsubscribe: <{link}>", source);
        Assert.Contains("Content-Language: fr", source);
        Assert.Contains(WebUtility.HtmlEncode(link), mail.Html);

        // Opening the link only asks; the button (a POST, as a mail client's one-click unsubscribe) stops renewal emails.
        using var http = new HttpClient();
        var page = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("renewal reminders", await page.Content.ReadAsStringAsync());
        Assert.Contains("RENEWALS", (await graphQl.DataAsync(Preferences, key: holder.LearnerKey)).GetRawText());
        var done = await http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("no longer get emails about renewal reminders", await done.Content.ReadAsStringAsync());
        var after = (await graphQl.DataAsync(Preferences, key: holder.LearnerKey)).GetProperty("emailPreferences");
        Assert.Equal(["SESSION_REMINDERS"], after.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));

        // The next milestone reaches the feed (its effects are applied before processRenewals answers) but not the mailbox.
        await holder.ReachAsync(server.Clock, daysBeforeExpiry: 29);
        Assert.Equal(2, (await holder.NoticeIdsAsync()).Count);
        Assert.Single(await RenewalMailAsync(address, wait: false));

        // The same link again changes nothing and still answers.
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var again = await graphQl.DataAsync("mutation($t: String!) { unsubscribeFromEmail(token: $t) }", new { t = token });
        Assert.Equal("RENEWALS", again.GetProperty("unsubscribeFromEmail").GetString());
    }

    [Fact]
    public async Task Every_bad_unsubscribe_token_is_a_coded_error_and_changes_nothing()
    {
        var holder = await RenewableCredential.EarnAsync(server.Cluster, $"careful-{Guid.NewGuid():N}@example.org");
        var graphQl = holder.Scenario.GraphQl;
        var good = new Domain.Notices.Email.UnsubscribeToken(holder.Scenario.Community, holder.LearnerId, Domain.Notices.Email.EmailTopic.Renewals)
            .Sign(System.Text.Encoding.UTF8.GetBytes(EmailServerFixture.LinkKey));
        var forged = new Domain.Notices.Email.UnsubscribeToken(holder.Scenario.Community, holder.LearnerId, Domain.Notices.Email.EmailTopic.Renewals)
            .Sign(System.Text.Encoding.UTF8.GetBytes("another-key-that-is-not-the-servers-0123456789"));
        var strangersPayload = new Domain.Notices.Email.UnsubscribeToken(holder.Scenario.Community, (await holder.Scenario.EnrolLearnerAsync()).Id, Domain.Notices.Email.EmailTopic.Renewals)
            .Sign(System.Text.Encoding.UTF8.GetBytes(EmailServerFixture.LinkKey)).Split('.')[1];
        var otherLearner = $"v1.{strangersPayload}.{good.Split('.')[2]}";
        foreach (var bad in new[] { "", "v1", "v1.a.b", "v2." + good[3..], good[..^4], forged, otherLearner, new string('x', 5000) })
        {
            var error = await graphQl.ErrorAsync("VALIDATION_FAILED", "mutation($t: String!) { unsubscribeFromEmail(token: $t) }", new { t = bad });
            Assert.Equal("token", error.GetProperty("extensions").GetProperty("field").GetString());
            using var http = new HttpClient();
            var page = await http.PostAsync(new Uri(server.Cluster.PublicBaseUrl, $"email/unsubscribe?token={Uri.EscapeDataString(bad)}"), null);
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Equal("VALIDATION_FAILED", page.Headers.GetValues("CertGrid-Error-Code").Single());
            Assert.Contains("not valid", await page.Content.ReadAsStringAsync());
        }

        var preferences = (await graphQl.DataAsync(Preferences, key: holder.LearnerKey)).GetProperty("emailPreferences");
        Assert.Equal(["RENEWALS", "SESSION_REMINDERS", "CREDENTIALS", "DECISIONS", "APPEALS"], preferences.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, preferences.GetProperty("updatedAt").ValueKind);

        // The genuine token works, for its one person and topic.
        Assert.Equal("RENEWALS", (await graphQl.DataAsync("mutation($t: String!) { unsubscribeFromEmail(token: $t) }", new { t = good })).GetProperty("unsubscribeFromEmail").GetString());
    }

    /// <summary>The renewal notices <paramref name="address"/> received (their Message-ID is the notice's), waiting for the first unless told not to.</summary>
    private static async Task<IReadOnlyList<DeliveredMail>> RenewalMailAsync(string address, bool wait = true)
    {
        for (var waited = 0; ; waited++)
        {
            var renewals = (await MailDevInbox.ForAsync(address)).Where(m => m.Header("message-id")?.StartsWith("<ntc_", StringComparison.Ordinal) == true).ToList();
            if (renewals.Count > 0 || !wait || waited >= 300)
            {
                return renewals;
            }

            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"http://\S+/email/unsubscribe\?token=\S+")]
    private static partial Regex UnsubscribeLink();
}
