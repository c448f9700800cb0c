using System.Text;
using CertGrid.Domain.Notices.Email;
using CertGrid.Testing;
using CertGrid.Testing.Browser;

namespace CertGrid.Api.Tests.Notices.Email;

/// <summary>The unsubscribe page in a real headless Chromium, with axe-core: in the reader's language, and for a bad link.</summary>
public sealed partial class NoticeEmailTests
{
    private static readonly Dictionary<string, string> PageParts = new() { ["heading"] = "h1", ["button"] = "#unsubscribe", ["outcome"] = "#outcome" };

    [Fact]
    public async Task The_unsubscribe_page_asks_in_the_readers_language_is_accessible_and_explains_a_bad_link()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var learner = await scenario.EnrolLearnerAsync();
        var token = new UnsubscribeToken(scenario.Community, learner.Id, EmailTopic.SessionReminders).Sign(Encoding.UTF8.GetBytes(EmailServerFixture.LinkKey));
        var url = new Uri(server.Cluster.PublicBaseUrl, $"email/unsubscribe?token={Uri.EscapeDataString(token)}");

        var english = await HeadlessBrowser.CheckAsync(url, PageParts, "unsubscribe-en.png", "en");
        Assert.Equal((200, "en"), (english.Status, english.Lang));
        Assert.Equal("Stop emails about session reminders?", english.Text["heading"]);
        Assert.Equal("Unsubscribe", english.Text["button"]);
        Assert.Empty(english.Serious);
        Assert.Empty(english.ForeignRequests);

        var french = await HeadlessBrowser.CheckAsync(url, PageParts, "unsubscribe-fr.png", "fr-CA");
        Assert.Equal((200, "fr"), (french.Status, french.Lang));
        Assert.Equal("Ne plus recevoir d'e-mails sur les rappels de session ?", french.Text["heading"]);
        Assert.Equal("Se désabonner", french.Text["button"]);
        Assert.Empty(french.Serious);

        // Looking changed nothing.
        var preferences = await scenario.GraphQl.DataAsync(Preferences, key: learner.Key);
        Assert.Contains("SESSION_REMINDERS", preferences.GetRawText());

        var broken = await HeadlessBrowser.CheckAsync(new Uri(server.Cluster.PublicBaseUrl, $"email/unsubscribe?token={Uri.EscapeDataString(token[..^6])}"), PageParts,
            "unsubscribe-invalid.png", "en");
        Assert.Equal(400, broken.Status);
        Assert.Equal("This link cannot be used", broken.Text["heading"]);
        Assert.Contains("not valid", broken.Text["outcome"]);
        Assert.Empty(broken.Serious);
    }
}
