using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CertGrid.Api.Publishing;

/// <summary>
/// The platform's privacy policy at <c>/privacy</c>, the page the Open Badges API discovery document names
/// (<c>x-imssf-privacyPolicyUrl</c>): what CertGrid keeps about a learner, what it publishes, and who decides.
/// </summary>
public static class PrivacyPolicyPage
{
    public const string Path = "/privacy";

    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Privacy policy · CertGrid</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}h1,h2{line-height:1.2}</style>
        </head>
        <body>
        <main>
        <h1>Privacy policy</h1>
        <p>CertGrid runs certification programs for communities. Each community is the controller of its learners'
        data; CertGrid processes it on the community's behalf.</p>
        <h2>What is kept</h2>
        <ul>
        <li>A learner's name, email address and organisation, as their community enrolled them.</li>
        <li>The evidence a learner uploads, the reviews of evaluators and the decisions reached, with an audit trail.</li>
        <li>The credentials issued, and their status (valid, suspended or revoked).</li>
        </ul>
        <h2>What is published</h2>
        <ul>
        <li>A credential names its holder only by a salted hash of their email address, unless the learner chose a
        public profile URL.</li>
        <li>Evidence links open for anyone only when the learner made that evidence public.</li>
        <li>Status lists say whether a credential is valid, suspended or revoked, and nothing else.</li>
        </ul>
        <h2>Applications a learner connects</h2>
        <p>An application the learner authorises through the Open Badges API reads or writes only what the scopes the
        learner granted allow, and the learner can revoke its access at any time.</p>
        <h2>Questions and requests</h2>
        <p>Ask the community that issued your credential: its contact address is in its issuer profile.</p>
        </main>
        </body>
        </html>
        """;

    public static IEndpointRouteBuilder MapPrivacyPolicyPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => new CacheControlResult(Results.Text(Html, "text/html; charset=utf-8"), "public, max-age=3600"));
        return app;
    }
}
