using CertGrid.Abstractions.Notices.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CertGrid.Grains.Notices.Email;

/// <summary>
/// Hands one message to the configured SMTP relay (MailKit). A permanent refusal of the recipient (a 5xx reply to
/// <c>RCPT TO</c>) is a bounce and comes back as its reason; anything else that fails (the relay unreachable, a 4xx,
/// a timeout) throws, so the effect that sends is retried with backoff.
/// </summary>
public sealed class SmtpDelivery(IOptions<EmailOptions> options)
{
    /// <returns>Null when the relay accepted the message; the relay's reply when it refused the recipient for good.</returns>
    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.SmtpHost ?? string.Empty, settings.SmtpPort, Security(settings.Security), cancellationToken);
        try
        {
            if (!string.IsNullOrEmpty(settings.SmtpUser))
            {
                await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            return null;
        }
        catch (SmtpCommandException refused) when (refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)refused.StatusCode >= 500)
        {
            return $"{(int)refused.StatusCode} {refused.Message}".Trim();
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
    }

    private static SecureSocketOptions Security(string mode) => mode switch
    {
        "None" => SecureSocketOptions.None,
        "StartTls" => SecureSocketOptions.StartTls,
        "Tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
