using System.Globalization;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Notices.Email;

/// <summary>The booking reminder step sends the reminder by email, once.</summary>
public sealed partial class NoticeEmailTests
{
    [Fact]
    public async Task A_booked_session_reminder_is_emailed_when_it_falls_due_and_only_once()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var credential = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var address = $"session-{Guid.NewGuid():N}@example.org";
        var learner = await scenario.EnrolLearnerAsync(address);
        var host = await scenario.RegisterEvaluatorAsync("Northwind");
        var startsAt = server.Clock.GetUtcNow().AddDays(3);
        var slot = (await scenario.GraphQl.DataAsync("mutation($s: [NewSessionSlotInput!]!) { publishSessionSlots(slots: $s) { id } }",
            new { s = new[] { new { credentialId = credential, startsAt, durationMinutes = 45 } } }, host.Key)).GetProperty("publishSessionSlots")[0].GetProperty("id").GetString();
        var booking = (await scenario.GraphQl.DataAsync("mutation($s: ID!) { bookSession(slotId: $s) { id reminderDueAt } }", new { s = slot }, learner.Key))
            .GetProperty("bookSession");
        var dueAt = DateTimeOffset.Parse(booking.GetProperty("reminderDueAt").GetString()!, CultureInfo.InvariantCulture);

        // The community's deadline bucket sweeps (its minute reminder, triggered here) once the reminder is due.
        var bucket = server.Cluster.Nodes[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IDeadlineBucketGrain>(scenario.Community);
        server.Clock.SetUtcNow(dueAt.AddMinutes(1));
        await bucket.SweepAsync();
        var mail = Assert.Single(await MailDevInbox.WaitForAsync(address));
        Assert.Equal($"Your assessment session on {startsAt.UtcDateTime.Day} {startsAt.UtcDateTime.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}", mail.Subject);
        Assert.Contains($"at {startsAt.UtcDateTime:HH:mm} UTC and lasts 45 minutes.", mail.Text);
        var sent = (await scenario.GraphQl.DataAsync("{ sessionBookings { reminderSentAt } }", key: learner.Key)).GetProperty("sessionBookings")[0];
        Assert.NotEqual(JsonValueKind.Null, sent.GetProperty("reminderSentAt").ValueKind);

        await bucket.SweepAsync();
        Assert.Single(await MailDevInbox.ForAsync(address));
    }
}
