using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Notices.Email;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Notices.Email;
using CertGrid.Grains.Storage;
using CertGrid.Abstractions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CertGrid.Grains.Notices.Email;

/// <summary>
/// Emails one notice to its learner, once: a delivery row (<see cref="EmailDeliveryRow"/>) written after the relay accepted
/// the message (or after deciding not to send) makes a later attempt do nothing. Not sent: to an erased learner, a topic
/// they stopped, or an address that bounced. A crash between the relay's acceptance and the row sends the email again on
/// the retry, with the same <c>Message-ID</c> (at least once; mail clients and relays may fold the duplicate).
/// </summary>
public sealed class NoticeMailer(
    StorageClients storage, SmtpDelivery smtp, IOptions<EmailOptions> options, PublicRoutes routes,
    [FromKeyedServices(DomainClock.ServiceKey)] TimeProvider clock, ILogger<NoticeMailer> logger)
{
    private readonly ReadModelTable _table = new(storage.Table(storage.Names.NoticeEmailsTable));

    public async Task DeliverAsync(IGrainFactory grains, string community, NoticeEmail email)
    {
        var settings = options.Value;
        var rowKey = EmailDeliveryRow.LearnerPrefix(email.LearnerId) + email.Id;
        if (!settings.Enabled || await _table.FindAsync<EmailDeliveryRow>(community, rowKey) is not null)
        {
            return;
        }

        var learner = await grains.Learner(community, email.LearnerId).FindAsync();
        if (learner is null || string.IsNullOrWhiteSpace(learner.Email))
        {
            logger.LogInformation("Notice email {Email} in {Community} not sent: the learner is erased or has no address", email.Id, community);
            return;
        }

        var preferences = grains.EmailPreferences(community, email.LearnerId);
        var wanted = await preferences.GetAsync();
        var fingerprint = EmailAddressFingerprint.Of(learner.Email);
        string outcome;
        string? language = null;
        if (!wanted.Wants(email.Topic))
        {
            outcome = "unsubscribed";
        }
        else if (wanted.Bounce?.AddressFingerprint == fingerprint)
        {
            outcome = "bouncing";
        }
        else
        {
            var info = await grains.GetGrain<ICommunityGrain>(community).GetAsync();
            var unsubscribe = new Uri(routes.Unsubscribe(new UnsubscribeToken(community, email.LearnerId, email.Topic).Sign(settings.LinkKeyBytes)));
            var rendered = RenderedEmail.Render(email, EmailText.For(wanted.Language, info.DefaultLanguage), learner.Name, info.Name, unsubscribe);
            language = rendered.Language;
            var refusal = (await smtp.SendAsync(Message(settings, community, email, learner, rendered, unsubscribe)))?.Replace(learner.Email, "(the address)", StringComparison.OrdinalIgnoreCase);
            if (refusal is null)
            {
                outcome = EmailDeliveryRow.Sent;
                if (wanted.Bounce is not null)
                {
                    await preferences.ClearBounceAsync();
                }
            }
            else
            {
                logger.LogWarning("Notice email {Email} in {Community} bounced: {Reason}", email.Id, community, refusal);
                await preferences.RecordBounceAsync(fingerprint, refusal);
                outcome = "bounced";
            }
        }

        await _table.UpsertAsync(new EmailDeliveryRow
        {
            PartitionKey = community, RowKey = rowKey, EmailId = email.Id, Topic = email.Topic.ToString(), Outcome = outcome, Language = language, At = clock.GetUtcNow(),
        });
    }

    private static MimeMessage Message(EmailOptions settings, string community, NoticeEmail email, LearnerProfile learner, RenderedEmail rendered, Uri unsubscribe)
    {
        var message = new MimeMessage
        {
            Subject = rendered.Subject,
            MessageId = $"{email.Id}.{community}@{settings.FromAddress![(settings.FromAddress!.IndexOf('@') + 1)..]}",
            Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(learner.Name, learner.Email));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add(HeaderId.ContentLanguage, rendered.Language);
        return message;
    }
}
