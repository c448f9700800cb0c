using System.Text;
using static System.Net.WebUtility;

namespace CertGrid.Api.OAuth;

/// <summary>
/// The consent page of the authorization endpoint: which application asks for what, and a form where the learner
/// signs in with their learner key and allows or denies. Plain HTML, inline styles, no script, no other origin;
/// labelled fields and an alert region for a refused key, so it works with assistive technology.
/// </summary>
public static class ConsentPageHtml
{
    /// <summary>Form fields of the page itself, never passed back to the authorization request.</summary>
    public static readonly IReadOnlySet<string> OwnFields = new HashSet<string>(StringComparer.Ordinal) { "learner_key", "decision" };

    private const string Styles = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
        main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d0d4da;border-radius:.5rem}
        h1{font-size:1.5rem;margin-top:0}label{display:block;font-weight:600;margin:1rem 0 .25rem}
        input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #6b7280;border-radius:.25rem}
        .actions{display:flex;gap:1rem;margin-top:1.25rem}button{font:inherit;padding:.5rem 1.25rem;border-radius:.25rem;border:1px solid #0b57a4;cursor:pointer}
        .allow{background:#0b57a4;color:#fff}.deny{background:#fff;color:#0b57a4}
        .error{color:#a4161a;font-weight:600}.hint{color:#444;font-size:.9rem}
        """;

    public static string Render(string clientName, IEnumerable<string> scopes, IEnumerable<KeyValuePair<string, string>> requestParameters, string? error)
    {
        var html = new StringBuilder(4096);
        html.Append($"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Authorise {HtmlEncode(clientName)} · CertGrid</title><style>{Styles}</style></head>
            <body><main>
            <h1 id="consent-title">{HtmlEncode(clientName)} asks to use your CertGrid record</h1>
            <p>If you allow it, <strong id="client-name">{HtmlEncode(clientName)}</strong> may:</p>
            <ul id="scopes">
            """);
        foreach (var scope in scopes)
        {
            html.Append($"<li>{HtmlEncode(OpenBadgesScopes.Describe(scope))}</li>");
        }

        html.Append("</ul>");
        if (error is not null)
        {
            html.Append($"<p id=\"consent-error\" class=\"error\" role=\"alert\">{HtmlEncode(error)}</p>");
        }

        html.Append("<form method=\"post\" action=\"").Append(OAuthRoutes.Authorize).Append("\">");
        foreach (var (name, value) in requestParameters)
        {
            if (!OwnFields.Contains(name))
            {
                html.Append($"<input type=\"hidden\" name=\"{HtmlEncode(name)}\" value=\"{HtmlEncode(value)}\">");
            }
        }

        html.Append("""
            <label for="learner_key">Your learner key</label>
            <input type="password" id="learner_key" name="learner_key" autocomplete="off" aria-describedby="key-hint">
            <p id="key-hint" class="hint">The key your community gave you (it starts with <code>cgk.</code>). It is checked here and never shared with the application.</p>
            <div class="actions"><button class="allow" type="submit" name="decision" value="allow">Allow</button>
            <button class="deny" type="submit" name="decision" value="deny">Deny</button></div>
            </form>
            <p class="hint">Access lasts an hour at a time. An application you allow to stay connected may renew it for up to 14 days without asking you again.</p>
            </main></body></html>
            """);
        return html.ToString();
    }
}
