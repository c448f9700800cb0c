using System.Net;
using System.Text.RegularExpressions;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Persistence;
using CertGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Notices.Email;

/// <summary>
/// Issue 19.3, the assessment's emails against maildev: the panel is told of its reviews, the holder of the decision and of
/// the credential it issued (with its public page), each in their language; a topic a person stopped is not sent; an erased
/// learner gets nothing.
/// </summary>
public sealed partial class NoticeEmailTests
{
    private const string SetPreferencesFull = "mutation($input: EmailPreferencesInput!) { setEmailPreferences(input: $input) { learnerId evaluatorId topics language } }";

    [Fact]
    public async Task A_decision_that_issues_a_credential_emails_the_holder_in_their_language_and_the_panel_is_told_of_its_reviews()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        await scenario.GraphQl.DataAsync("mutation { setDefaultLanguage(language: \"fr\") { defaultLanguage } }", key: scenario.AdminKey);
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var holderAddress = Address("holder");
        var learner = await scenario.EnrolLearnerAsync(holderAddress);
        var learnerName = (await scenario.GraphQl.DataAsync("query($id: ID) { learner(id: $id) { name } }", new { id = learner.Id }, scenario.AdminKey))
            .GetProperty("learner").GetProperty("name").GetString()!;
        string[] panelAddresses = [Address("reviewer"), Address("reviewer")];
        var panel = new[] { await scenario.RegisterEvaluatorAsync("Northwind", email: panelAddresses[0]), await scenario.RegisterEvaluatorAsync("Contoso", email: panelAddresses[1]) };
        var chosen = (await scenario.GraphQl.DataAsync(SetPreferencesFull, new { input = new { topics = new[] { "REVIEWS" }, language = "en" } }, panel[0].Key))
            .GetProperty("setEmailPreferences");
        Assert.Equal((JsonValueKind.Null, panel[0].Id), (chosen.GetProperty("learnerId").ValueKind, chosen.GetProperty("evaluatorId").GetString()));

        // Submitted: each evaluator is told what to review, in their language (English chosen; else the community's French),
        // and never who the learner is.
        var attemptId = (await scenario.SubmitAttemptAsync(learner.Key, definition, await scenario.UploadArtifactAsync(learner.Key))).GetProperty("id").GetString()!;
        var english = Assert.Single(await MailDevInbox.WaitForAsync(panelAddresses[0]));
        var french = Assert.Single(await MailDevInbox.WaitForAsync(panelAddresses[1]));
        Assert.StartsWith("A review is waiting for you: '", english.Subject);
        Assert.Contains($"(reference {attemptId})", english.Text);
        Assert.StartsWith("Une évaluation vous attend : « ", french.Subject);
        Assert.Contains($"(référence {attemptId})", french.Text);
        Assert.Contains("<html lang=\"fr\">", french.Html);
        foreach (var review in new[] { english, french })
        {
            Assert.DoesNotContain(learnerName, review.Text + review.Html);
            Assert.DoesNotContain(holderAddress, review.Text + review.Html);
            Assert.Contains("/email/unsubscribe?token=", review.Text);
        }

        // Passed: the holder gets the decision and the credential with its public page, in French, as text and HTML.
        var decided = default(JsonElement);
        foreach (var evaluator in panel)
        {
            decided = await scenario.ReviewAsync(evaluator.Key, attemptId, "Proficient");
        }

        var credentialId = decided.GetProperty("credentialId").GetString()!;
        var mail = await MailDevInbox.WaitForAsync(holderAddress, count: 2);
        Assert.Equal(2, mail.Count);
        var decision = Assert.Single(mail, m => m.Subject.StartsWith("Vous avez réussi « ", StringComparison.Ordinal));
        var issued = Assert.Single(mail, m => m.Subject.StartsWith("Votre titre « ", StringComparison.Ordinal) && m.Subject.EndsWith(" » a été délivré", StringComparison.Ordinal));
        Assert.Contains("a été acceptée le", decision.Text);
        Assert.Contains($"Bonjour {learnerName},", issued.Text);
        var page = PublicPage().Match(issued.Text!).Value;
        Assert.EndsWith($"/c/{scenario.Community}/credentials/{credentialId}/page", page);
        Assert.Contains($"<a href=\"{page}\">", issued.Html);
        Assert.Contains("<html lang=\"fr\">", issued.Html);
        Assert.Contains("Content-Language: fr", await MailDevInbox.SourceAsync(issued));
        Assert.Matches($"^<eml_[0-9a-f]{{20}}\\.{scenario.Community}@certgrid.test>$", issued.Header("message-id"));
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(page)).StatusCode);

        // The panel hears nothing of the decision.
        Assert.Single(await MailDevInbox.ForAsync(panelAddresses[0]));
        Assert.Single(await MailDevInbox.ForAsync(panelAddresses[1]));
    }

    [Fact]
    public async Task A_topic_a_learner_or_evaluator_stopped_is_not_emailed_and_evaluators_choose_only_their_topics()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var holderAddress = Address("choosy");
        var learner = await scenario.EnrolLearnerAsync(holderAddress);
        string[] panelAddresses = [Address("stopper"), Address("keeper")];
        var panel = new[] { await scenario.RegisterEvaluatorAsync("Northwind", email: panelAddresses[0]), await scenario.RegisterEvaluatorAsync("Contoso", email: panelAddresses[1]) };

        // Evaluators get review emails until they choose; a learner's topic is not theirs to choose.
        var own = (await scenario.GraphQl.DataAsync("{ emailPreferences { evaluatorId topics } }", key: panel[0].Key)).GetProperty("emailPreferences");
        Assert.Equal(["REVIEWS"], own.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        var foreign = await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", SetPreferencesFull, new { input = new { topics = new[] { "RENEWALS" } } }, panel[0].Key);
        Assert.Equal("input.topics", foreign.GetProperty("extensions").GetProperty("field").GetString());
        var seenByAdmin = (await scenario.GraphQl.DataAsync("query($e: ID) { emailPreferences(evaluatorId: $e) { evaluatorId topics } }", new { e = panel[0].Id }, scenario.AdminKey))
            .GetProperty("emailPreferences");
        Assert.Equal(panel[0].Id, seenByAdmin.GetProperty("evaluatorId").GetString());
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", "query($e: ID) { emailPreferences(evaluatorId: $e) { topics } }", new { e = panel[1].Id }, panel[0].Key);

        // The learner keeps only credentials.
        await scenario.GraphQl.DataAsync(SetPreferencesFull, new { input = new { topics = new[] { "CREDENTIALS" } } }, learner.Key);

        // The first evaluator follows the unsubscribe link of their review email (one click, a POST).
        var attemptId = (await scenario.SubmitAttemptAsync(learner.Key, definition, await scenario.UploadArtifactAsync(learner.Key))).GetProperty("id").GetString()!;
        var link = UnsubscribeLink().Match(Assert.Single(await MailDevInbox.WaitForAsync(panelAddresses[0])).Text!).Value;
        using var http = new HttpClient();
        var done = await http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("no longer get emails about reviews assigned to you", await done.Content.ReadAsStringAsync());
        Assert.Empty((await scenario.GraphQl.DataAsync("{ emailPreferences { topics } }", key: panel[0].Key)).GetProperty("emailPreferences").GetProperty("topics").EnumerateArray());

        // The pass: the learner gets the credential, not the decision.
        foreach (var evaluator in panel)
        {
            await scenario.ReviewAsync(evaluator.Key, attemptId, "Proficient");
        }

        var issued = Assert.Single(await MailDevInbox.WaitForAsync(holderAddress));
        Assert.StartsWith("Your credential '", issued.Subject);
        await EmailsHandledAsync(scenario.Community, attemptId);
        Assert.Single(await MailDevInbox.ForAsync(holderAddress));

        // The next panel: the evaluator who stopped review emails gets none, the other gets theirs.
        var other = await scenario.EnrolLearnerAsync();
        var secondAttempt = (await scenario.SubmitAttemptAsync(other.Key, definition, await scenario.UploadArtifactAsync(other.Key))).GetProperty("id").GetString()!;
        Assert.Contains(secondAttempt, (await MailDevInbox.WaitForAsync(panelAddresses[1], count: 2))[1].Text);
        await EmailsHandledAsync(scenario.Community, secondAttempt);
        Assert.Single(await MailDevInbox.ForAsync(panelAddresses[0]));
    }

    [Fact]
    public async Task An_erased_learner_gets_no_email_about_their_attempt()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var holderAddress = Address("erased");
        var learner = await scenario.EnrolLearnerAsync(holderAddress);
        var reviewerAddress = Address("reviewer");
        var panel = new[] { await scenario.RegisterEvaluatorAsync("Northwind", email: reviewerAddress), await scenario.RegisterEvaluatorAsync("Contoso") };
        var attemptId = (await scenario.SubmitAttemptAsync(learner.Key, definition, await scenario.UploadArtifactAsync(learner.Key))).GetProperty("id").GetString()!;
        Assert.Single(await MailDevInbox.WaitForAsync(reviewerAddress));

        await scenario.GraphQl.DataAsync("mutation($id: ID) { eraseLearner(learnerId: $id) { erasedAt } }", new { id = learner.Id }, scenario.AdminKey);
        foreach (var evaluator in panel)
        {
            await scenario.ReviewAsync(evaluator.Key, attemptId, "Not yet");
        }

        // The decision's email was handled (no longer pending) and sent nothing.
        await EmailsHandledAsync(scenario.Community, attemptId);
        Assert.Empty(await MailDevInbox.ForAsync(holderAddress));
    }

    private static string Address(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    /// <summary>Waits until every email the attempt's changes caused was handled (sent, or not sent on purpose).</summary>
    private async Task EmailsHandledAsync(string community, string attemptId)
    {
        var grains = server.Cluster.Nodes[0].Services.GetRequiredService<IGrainFactory>();
        var outbox = grains.GetGrain<IEffectOutbox>(grains.Attempt(community, attemptId).GetGrainId());
        for (var waited = 0; (await outbox.GetEffectsAsync()).Pending.Any(e => e.Kind == "SendNoticeEmail"); waited++)
        {
            Assert.True(waited < 150, $"the emails of attempt {attemptId} are still pending");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"https?://\S+/credentials/\S+/page")]
    private static partial Regex PublicPage();
}
