using System.Globalization;
using System.Text;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.Badges;
using QRCoder;
using static System.Net.WebUtility;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// Writes the verification page: plain HTML with its styles inline, the badge and the QR code as inline SVG, no
/// script and no request to any other origin. Landmarks, headings and table headers make it readable by assistive
/// technology; the verdict is a status region people and programs find as <c>#verdict</c>.
/// </summary>
public static class CredentialPageHtml
{
    private const string Styles = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
        main{max-width:52rem;margin:0 auto;padding:1.5rem}
        header{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
        h1{margin:.25rem 0;font-size:1.8rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
        section{background:#fff;border:1px solid #d0d4da;border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0}
        #verdict{border-width:3px}#verdict p{margin:.25rem 0}
        .verdict-word{font-size:1.6rem;font-weight:700}
        .valid{border-color:#1e6b2e}.valid .verdict-word{color:#1e6b2e}
        .invalid{border-color:#a4161a}.invalid .verdict-word{color:#a4161a}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e1e4e8;vertical-align:top}
        .detail{color:#444;font-size:.9rem}a{color:#0b57a4}
        .share{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}.qr svg{width:9rem;height:9rem}
        """;

    public static string Render(CredentialPageModel model)
    {
        var t = CredentialPageText.For(model.Language);
        var c = model.Credential;
        var html = new StringBuilder(16_384);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="{HtmlEncode(model.Language)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{HtmlEncode($"{model.AchievementName} · {t.Title}")}</title>
            <style>{Styles}</style></head>
            <body><main>
            <header>{BadgeSvg.Render(model.AchievementName, c.Tier, c.IssuerName)}
            <div><p>{HtmlEncode(t.Title)}</p><h1 id="achievement-name">{HtmlEncode(model.AchievementName)}</h1><p>{HtmlEncode(model.Issuer.Name)}</p></div></header>
            """);
        VerdictSection(html, model, t);
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"h-achievement\"><h2 id=\"h-achievement\">{HtmlEncode(t.Achievement)}</h2>");
        Paragraph(html, model.AchievementDescription);
        if (model.CriteriaNarrative.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{HtmlEncode(t.Criteria)}</h3>");
            Paragraph(html, model.CriteriaNarrative);
        }

        html.Append(CultureInfo.InvariantCulture, $"<h3>{HtmlEncode(t.Results)}</h3><table><thead><tr><th scope=\"col\">{HtmlEncode(t.Criterion)}</th><th scope=\"col\">{HtmlEncode(t.Level)}</th></tr></thead><tbody>");
        foreach (var outcome in model.Rubric)
        {
            var scale = outcome.Levels.Count == 0 ? string.Empty : $" <span class=\"detail\">({HtmlEncode(string.Join(" · ", outcome.Levels))})</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{HtmlEncode(outcome.Criterion)}</th><td>{HtmlEncode(outcome.AchievedLevel ?? "–")}{scale}</td></tr>");
        }

        html.Append("</tbody></table></section>");
        People(html, model, t);
        Evidence(html, model, t);
        Checks(html, model, t);
        Downloads(html, model, t);
        html.Append(CultureInfo.InvariantCulture, $"<footer><p class=\"detail\">{HtmlEncode(string.Format(CultureInfo.InvariantCulture, t.CheckedAt, t.DateTime(model.CheckedAt)))}</p></footer>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void VerdictSection(StringBuilder html, CredentialPageModel model, CredentialPageText t)
    {
        var valid = model.Verdict == Verdict.Valid;
        var word = model.Verdict switch
        {
            Verdict.Valid => t.Valid,
            Verdict.Revoked => t.Revoked,
            Verdict.Suspended => t.Suspended,
            Verdict.Expired => t.Expired,
            Verdict.NotYetValid => t.NotYetValid,
            Verdict.Invalid => t.Invalid,
            _ => t.Unconfirmed,
        };
        var explanation = valid ? string.Format(CultureInfo.InvariantCulture, t.ValidExplained, model.Issuer.Name) : t.InvalidExplained;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"verdict\" role=\"status\" class=\"{(valid ? "valid" : "invalid")}\" data-verdict=\"{model.Verdict.ToString().ToLowerInvariant()}\">");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"verdict-word\">{HtmlEncode(word)}</p><p>{HtmlEncode(explanation)}</p>");
        if (!valid && model.Credential.StatusReason is { } reason && model.Verdict is Verdict.Revoked or Verdict.Suspended)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(reason)}</p>");
        }

        html.Append("</section>");
    }

    private static void People(StringBuilder html, CredentialPageModel model, CredentialPageText t)
    {
        var issuer = model.Issuer;
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"h-issuer\"><h2 id=\"h-issuer\">{HtmlEncode(t.Issuer)}</h2><p>{HtmlEncode(issuer.Name)}");
        if (issuer.Url is { } url)
        {
            html.Append(CultureInfo.InvariantCulture, $" · <a href=\"{HtmlEncode(url)}\">{HtmlEncode(url)}</a>");
        }

        html.Append("</p>");
        Paragraph(html, issuer.Description ?? string.Empty);
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"h-holder\">{HtmlEncode(t.Holder)}</h2>");
        html.Append(model.Holder is { } holder
            ? $"<p><a href=\"{HtmlEncode(holder.ProfileUrl)}\">{HtmlEncode(holder.Name)}</a></p>"
            : $"<p>{HtmlEncode(t.HolderPrivate)}</p>");
        var c = model.Credential;
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"h-validity\">{HtmlEncode(t.Validity)}</h2><p>{HtmlEncode(t.IssuedOn)} {HtmlEncode(t.Date(c.ValidFrom))} · ");
        html.Append(c.ValidUntil is { } until ? $"{HtmlEncode(t.ValidUntil)} {HtmlEncode(t.Date(until))}" : HtmlEncode(t.NoExpiry));
        html.Append("</p></section>");
    }

    private static void Evidence(StringBuilder html, CredentialPageModel model, CredentialPageText t)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"h-evidence\"><h2 id=\"h-evidence\">{HtmlEncode(t.Evidence)}</h2>");
        if (model.Evidence.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(t.NoEvidence)}</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var item in model.Evidence)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{HtmlEncode(item.Url)}\">{HtmlEncode(item.Title)}</a></li>");
            }

            html.Append("</ul>");
        }

        if (model.PrivateEvidenceCount > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"detail\">{HtmlEncode(string.Format(CultureInfo.InvariantCulture, t.EvidencePrivate, model.PrivateEvidenceCount))}</p>");
        }

        html.Append("</section>");
    }

    private static void Checks(StringBuilder html, CredentialPageModel model, CredentialPageText t)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"h-checks\"><h2 id=\"h-checks\">{HtmlEncode(t.Checks)}</h2><table id=\"checks\"><thead><tr><th scope=\"col\">{HtmlEncode(t.Check)}</th><th scope=\"col\">{HtmlEncode(t.Outcome)}</th><th scope=\"col\">{HtmlEncode(t.Detail)}</th></tr></thead><tbody>");
        foreach (var check in model.Verification.Checks)
        {
            var outcome = check.Outcome switch
            {
                CheckOutcome.Passed => t.Passed,
                CheckOutcome.Failed => t.Failed,
                CheckOutcome.Indeterminate => t.Indeterminate,
                _ => t.NotChecked,
            };
            html.Append(CultureInfo.InvariantCulture, $"<tr data-check=\"{HtmlEncode(check.Name)}\"><th scope=\"row\">{HtmlEncode(check.Name)}</th><td>{HtmlEncode(outcome)}</td><td class=\"detail\">{HtmlEncode(check.Detail)}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Downloads(StringBuilder html, CredentialPageModel model, CredentialPageText t)
    {
        var links = model.Links;
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"h-downloads\"><h2 id=\"h-downloads\">{HtmlEncode(t.Downloads)}</h2><ul>");
        foreach (var (href, label) in new[] { (links.Jwt, t.Jwt), (links.Json, t.JsonLd), (links.BadgePng, t.Png), (links.BadgeSvg, t.Svg) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{HtmlEncode(href)}\" download>{HtmlEncode(label)}</a></li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><h2 id=\"h-share\">{HtmlEncode(t.Share)}</h2><div class=\"share\"><div class=\"qr\" role=\"img\" aria-label=\"{HtmlEncode(t.QrCode)}\">{QrCode(links.PageUrl)}</div>");
        html.Append(CultureInfo.InvariantCulture, $"<p><a id=\"linkedin\" href=\"{HtmlEncode(links.LinkedIn)}\">{HtmlEncode(t.LinkedIn)}</a></p></div></section>");
    }

    private static string QrCode(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return svg[start..].Replace("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", StringComparison.Ordinal);
    }

    private static void Paragraph(StringBuilder html, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(text)}</p>");
        }
    }
}
