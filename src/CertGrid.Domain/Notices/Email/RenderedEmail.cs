using System.Globalization;
using System.Net;

namespace CertGrid.Domain.Notices.Email;

/// <summary>A notice email as sent: its subject, a plain-text body and the same content as HTML, in one language.</summary>
public sealed record RenderedEmail(string Language, string Subject, string Text, string Html)
{
    /// <summary>
    /// Writes <paramref name="email"/> for <paramref name="recipientName"/> in <paramref name="text"/>'s language, ending with who
    /// sent it and the link that stops emails of its topic. Every value is HTML-encoded in the HTML part, where a detail that is a
    /// web address (a credential's public page) becomes a link.
    /// </summary>
    public static RenderedEmail Render(NoticeEmail email, EmailText text, string recipientName, string communityName, Uri unsubscribeUrl)
    {
        var (subjectFormat, bodyFormat) = text.Templates[email.Template];
        object[] values =
        [
            email.Subject, text.Date(email.At), text.Date(email.Until ?? email.At), email.Detail ?? string.Empty,
            email.At.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        ];
        var subject = string.Format(CultureInfo.InvariantCulture, subjectFormat, values);
        var greeting = string.Format(CultureInfo.InvariantCulture, text.Greeting, recipientName);
        if (email.Template == EmailTemplate.ReviewAssigned && email.Until is not null)
        {
            bodyFormat = $"{bodyFormat} {text.DueBy}";
        }

        var body = string.Format(CultureInfo.InvariantCulture, bodyFormat, values);
        var encoded = values.Select(v => (object)Encode((string)v)).ToArray();
        if (IsWebAddress(email.Detail))
        {
            encoded[3] = $"<a href=\"{encoded[3]}\">{encoded[3]}</a>";
        }

        var htmlBody = string.Format(CultureInfo.InvariantCulture, Encode(bodyFormat), encoded);
        var sentBy = string.Format(CultureInfo.InvariantCulture, text.SentBy, communityName);
        var unsubscribe = string.Format(CultureInfo.InvariantCulture, text.Unsubscribe, text.Topics[email.Topic]);

        var plain = $"{greeting}\n\n{body}\n\n-- \n{sentBy}\n{unsubscribe}: {unsubscribeUrl}\n";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{text.Language}">
            <head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body>
            <p>{Encode(greeting)}</p>
            <p>{htmlBody}</p>
            <hr>
            <p>{Encode(sentBy)}<br><a href="{Encode(unsubscribeUrl.ToString())}">{Encode(unsubscribe)}</a></p>
            </body>
            </html>
            """;
        return new RenderedEmail(text.Language, subject, plain, html);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static bool IsWebAddress(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
