using CertGrid.Abstractions.Scheduling;
using CertGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Notices.Email;

/// <summary>
/// Issue 19.3: a day before a review's deadline, an evaluator who has not reviewed yet is reminded by email, once; one who
/// reviewed is not, nor one who stopped emails about reviews.
/// </summary>
public sealed partial class NoticeEmailTests
{
    [Fact]
    public async Task An_evaluator_who_has_not_reviewed_is_reminded_by_email_once_a_day_before_the_deadline()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), evaluators: 3);
        await scenario.GraphQl.DataAsync(
            "mutation($id: ID!, $input: AssessmentPolicyInput!) { setAssessmentPolicy(credentialId: $id, input: $input) { reviewDeadlineDays } }",
            new { id = definition, input = new { reviewDeadlineDays = 3 } }, scenario.AdminKey);
        string[] addresses = [Address("slow"), Address("prompt"), Address("quiet")];
        var (_, prompt, quiet) = (await scenario.RegisterEvaluatorAsync("Northwind", email: addresses[0]),
            await scenario.RegisterEvaluatorAsync("Contoso", email: addresses[1]), await scenario.RegisterEvaluatorAsync("Fabrikam", email: addresses[2]));
        await scenario.GraphQl.DataAsync(SetPreferences, new { input = new { topics = Array.Empty<string>() } }, quiet.Key);
        var learner = await scenario.EnrolLearnerAsync(Address("learner"));

        var attemptId = (await scenario.SubmitAttemptAsync(learner.Key, definition, await scenario.UploadArtifactAsync(learner.Key))).GetProperty("id").GetString()!;
        Assert.Single(await MailDevInbox.WaitForAsync(addresses[0]));
        Assert.Single(await MailDevInbox.WaitForAsync(addresses[1]));
        await scenario.ReviewAsync(prompt.Key, attemptId, "Proficient");

        // The community's deadline bucket sweeps (its minute reminder, triggered here) a day before the deadline.
        var bucket = server.Cluster.Nodes[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IDeadlineBucketGrain>(scenario.Community);
        server.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await bucket.SweepAsync();
        var mail = await MailDevInbox.WaitForAsync(addresses[0], count: 2);
        var reminder = Assert.Single(mail, m => m.Subject.StartsWith("Reminder: your review for '", StringComparison.Ordinal));
        Assert.Contains($"(reference {attemptId}) is due on ", reminder.Text);
        Assert.Contains("has not been submitted yet", reminder.Text);
        Assert.Contains("/email/unsubscribe?token=", reminder.Text);

        // Swept again, nothing more is sent; the prompt and the quiet evaluator were never reminded.
        await bucket.SweepAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await MailDevInbox.ForAsync(addresses[0])).Count);
        Assert.Single(await MailDevInbox.ForAsync(addresses[1]));
        Assert.Empty(await MailDevInbox.ForAsync(addresses[2]));
    }
}
