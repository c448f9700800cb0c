using System.Globalization;
using System.Net;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Languages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CertGrid.Api.Notices.Email;

/// <summary>
/// The unsubscribe link of every notice email, <c>/email/unsubscribe?token=…</c>. Opening it (GET) only asks, so a mail
/// scanner that follows links stops nothing; the page's button, or a mail client's one-click unsubscribe (RFC 8058: a POST
/// to the same URL, announced by the <c>List-Unsubscribe-Post</c> header), stops the emails. A bad token is a 400 page
/// that says so (code <c>VALIDATION_FAILED</c> in the <c>CertGrid-Error-Code</c> header).
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapEmailUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicRoutes.UnsubscribeTemplate, (HttpRequest request, EmailUnsubscriber unsubscriber) =>
            Answer(request, () => Task.FromResult(unsubscriber.Read(request.Query["token"])), done: false));
        app.MapPost(PublicRoutes.UnsubscribeTemplate, (HttpRequest request, EmailUnsubscriber unsubscriber) =>
            Answer(request, () => unsubscriber.UnsubscribeAsync(request.Query["token"]), done: true));
        return app;
    }

    private static async Task<IResult> Answer(HttpRequest request, Func<Task<Domain.Notices.Email.UnsubscribeToken>> act, bool done)
    {
        var (text, words) = UnsubscribePageText.For(LanguagePreference.ParseAcceptLanguage(request.Headers.AcceptLanguage.ToString()));
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        try
        {
            var token = await act();
            var topic = words.Topics[token.Topic];
            var body = done
                ? $"<h1>{Encode(text.Title)}</h1><p role=\"status\" id=\"outcome\">{Encode(Format(text.Done, topic))}</p>"
                : $"<h1>{Encode(Format(text.Question, topic))}</h1><p>{Encode(text.Explained)}</p>" +
                  $"<form method=\"post\" action=\"{Encode(PublicRoutes.UnsubscribeTemplate + request.QueryString.Value)}\"><button type=\"submit\" id=\"unsubscribe\">{Encode(text.Button)}</button></form>";
            return Page(words.Language, text.Title, body, StatusCodes.Status200OK, null);
        }
        catch (CertGridException error) when (error.Code is ErrorCode.ValidationFailed or ErrorCode.NotFound)
        {
            var body = $"<h1>{Encode(text.Invalid)}</h1><p role=\"alert\" id=\"outcome\">{Encode(error.Message)}</p>";
            return Page(words.Language, text.Invalid, body, error.Code == ErrorCode.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, error.Code.ToWireCode());
        }
    }

    private static CodedPage Page(string language, string title, string body, int status, string? code)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(title)} · CertGrid</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b;background:#fff{"}"}
            button{"{"}font-size:1rem;padding:.6rem 1.2rem;background:#0b5394;color:#fff;border:0;border-radius:4px;cursor:pointer{"}"}</style></head>
            <body><main>{body}</main></body>
            </html>
            """;
        return new CodedPage(Results.Content(html, "text/html; charset=utf-8", statusCode: status), code);
    }

    private static string Format(string format, string topic) => string.Format(CultureInfo.InvariantCulture, format, topic);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    /// <summary>The page, with its error code in a header for clients that read codes rather than pages.</summary>
    private sealed class CodedPage(IResult page, string? code) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (code is not null)
            {
                httpContext.Response.Headers["CertGrid-Error-Code"] = code;
            }

            return page.ExecuteAsync(httpContext);
        }
    }
}
