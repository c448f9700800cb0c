using CertGrid.Testing;

namespace CertGrid.Api.Tests.Notices.Email;

/// <summary>Issue 19.3: a learner is emailed their failed decision, their appeal filed and its outcome; the appeal panel its reviews, with the deadline.</summary>
public sealed partial class NoticeEmailTests
{
    [Fact]
    public async Task A_failed_decision_its_appeal_and_the_overturn_reach_the_learner_and_the_appeal_panel_by_email()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        await scenario.GraphQl.DataAsync(
            "mutation($id: ID!, $input: AssessmentPolicyInput!) { setAssessmentPolicy(credentialId: $id, input: $input) { appealWindowDays } }",
            new { id = definition, input = new { blindReview = true, reviewDeadlineDays = 7, appealWindowDays = 30 } }, scenario.AdminKey);
        var evaluators = new Dictionary<string, (string Key, string Address)>();
        foreach (var organisation in new[] { "Northwind", "Contoso", "Fabrikam", "Initech" })
        {
            var address = Address("appeals");
            var (id, key) = await scenario.RegisterEvaluatorAsync(organisation, email: address);
            evaluators[id] = (key, address);
        }

        var learnerAddress = Address("appellant");
        var learner = await scenario.EnrolLearnerAsync(learnerAddress);
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, definition, await scenario.UploadArtifactAsync(learner.Key));
        var attemptId = attempt.GetProperty("id").GetString()!;
        var panel = attempt.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!).ToList();
        foreach (var evaluator in panel)
        {
            await scenario.ReviewAsync(evaluators[evaluator].Key, attemptId, "Not yet");
        }

        var failed = Assert.Single(await MailDevInbox.WaitForAsync(learnerAddress));
        Assert.StartsWith("Your attempt at '", failed.Subject);
        Assert.EndsWith("' did not pass", failed.Subject);
        Assert.Contains("read the panel's feedback", failed.Text);

        var newEvidence = await scenario.UploadArtifactAsync(learner.Key);
        var appeal = (await scenario.GraphQl.DataAsync("mutation($input: FileAppealInput!) { fileAppeal(input: $input) { id panel { evaluatorId } } }",
            new { input = new { attemptId, justification = "My SLO evidence was in the portfolio but the panel did not cite it; it covers C1 in full.", artifactIds = new[] { newEvidence } } },
            learner.Key)).GetProperty("fileAppeal");
        var appealId = appeal.GetProperty("id").GetString()!;
        var filed = (await MailDevInbox.WaitForAsync(learnerAddress, count: 2))[1];
        Assert.StartsWith("Your appeal about '", filed.Subject);
        Assert.Contains("A panel that took no part in the decision will review it.", filed.Text);

        // The appeal panel is told, with the deadline of the policy (7 days), and never who appeals.
        var appealPanel = appeal.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!).ToList();
        var due = server.Clock.GetUtcNow().AddDays(7).UtcDateTime;
        foreach (var evaluator in appealPanel)
        {
            var review = Assert.Single(await MailDevInbox.WaitForAsync(evaluators[evaluator].Address));
            Assert.Contains($"(reference {appealId})", review.Text);
            Assert.Contains($"Please submit your review by {due.Day} {due.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.", review.Text);
            Assert.DoesNotContain(learnerAddress, review.Text + review.Html);
        }

        foreach (var evaluator in appealPanel)
        {
            await scenario.GraphQl.DataAsync("mutation($id: ID!, $scores: [CriterionScoreInput!]!) { submitAppealReview(appealId: $id, scores: $scores) { outcome } }",
                new { id = appealId, scores = CommunityScenario.Criteria.Select(c => new { criterionCode = c, level = "Proficient" }) }, evaluators[evaluator].Key);
        }

        // Overturned: the learner hears it, and gets the credential it issued.
        var mail = await MailDevInbox.WaitForAsync(learnerAddress, count: 4);
        Assert.Equal(4, mail.Count);
        Assert.Contains(mail, m => m.Subject.StartsWith("Your appeal about '", StringComparison.Ordinal) && m.Subject.EndsWith("' succeeded", StringComparison.Ordinal));
        Assert.Contains(mail, m => m.Subject.StartsWith("Your credential '", StringComparison.Ordinal) && m.Text!.Contains("/page", StringComparison.Ordinal));

        // The original panel heard only of its own reviews.
        foreach (var evaluator in panel)
        {
            Assert.Single(await MailDevInbox.ForAsync(evaluators[evaluator].Address));
        }
    }
}
