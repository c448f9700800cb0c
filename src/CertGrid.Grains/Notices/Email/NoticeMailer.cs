using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Evaluators;
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
/// Emails one notice to its learner or evaluator, once: a delivery row (<see cref="EmailDeliveryRow"/>) written after the relay accepted
/// the message (or after deciding not to send) makes a later attempt do nothing. Not sent: to an erased learner (or an evaluator
/// no longer registered), a topic they stopped, or an address that bounced. A crash between the relay's acceptance and the row sends the email again on
/// the retry, with the same <c>Message-ID</c> (at least once; mail clients and relays may fold the duplicate).
/// </summary>
public sealed class NoticeMailer(
    StorageClients storage, SmtpDelivery smtp, IOptions<EmailOptions> options, PublicRoutes routes,
    [FromKeyedServices(DomainClock.ServiceKey)] TimeProvider clock, ILogger<NoticeMailer> logger)
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.NoticeEmailsTable);

    public async Task DeliverAsync(IGrainFactory grains, string community, NoticeEmail email)
    {
        var settings = options.Value;
        var rowKey = EmailDeliveryRow.RecipientPrefix(email.RecipientId) + email.Id;
        if (!settings.Enabled || await _table.FindAsync<EmailDeliveryRow>(community, rowKey) is not null)
        {
            return;
        }

        if (await RecipientAsync(grains, community, email.RecipientId) is not { } recipient)
        {
            logger.LogInformation("Notice email {Email} in {Community} not sent: its recipient is erased, unknown or has no address", email.Id, community);
            return;
        }

        var preferences = grains.EmailPreferences(community, email.RecipientId);
        var wanted = await preferences.GetAsync();
        var fingerprint = EmailAddressFingerprint.Of(recipient.Address);
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
            var unsubscribe = new Uri(routes.Unsubscribe(new UnsubscribeToken(community, email.RecipientId, email.Topic).Sign(settings.LinkKeyBytes)));
            var rendered = RenderedEmail.Render(email, EmailText.For(wanted.Language, info.DefaultLanguage), recipient.Name, info.Name, unsubscribe);
            language = rendered.Language;
            var refusal = (await smtp.SendAsync(Message(settings, community, email, recipient, rendered, unsubscribe)))?.Replace(recipient.Address, "(the address)", StringComparison.OrdinalIgnoreCase);
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

    /// <summary>The name and address of a learner still enrolled or an evaluator still registered; null when there is none to write to.</summary>
    private static async Task<(string Name, string Address)?> RecipientAsync(IGrainFactory grains, string community, string recipientId)
    {
        var (name, address) = EmailAudiences.Of(recipientId) == EmailAudience.Evaluators
            ? await grains.Evaluator(community, recipientId).FindAsync() is { } evaluator ? (evaluator.Name, evaluator.Email) : default
            : await grains.Learner(community, recipientId).FindWithoutWaitingAsync() is { } learner ? (learner.Name, learner.Email) : default;
        return string.IsNullOrWhiteSpace(address) ? null : (name, address);
    }

    private static MimeMessage Message(EmailOptions settings, string community, NoticeEmail email, (string Name, string Address) recipient, RenderedEmail rendered, Uri unsubscribe)
    {
        var message = new MimeMessage
        {
            Subject = rendered.Subject,
            MessageId = $"{email.Id}.{community}@{settings.FromAddress![(settings.FromAddress!.IndexOf('@') + 1)..]}",
            Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(recipient.Name, recipient.Address));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add(HeaderId.ContentLanguage, rendered.Language);
        return message;
    }
}
