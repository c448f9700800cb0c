using System.Globalization;
using CertGrid.Abstractions.Hosting;
using CertGrid.Api.Access;
using CertGrid.Api.Publishing;
using CertGrid.Domain.Languages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Analytics.Report;

/// <summary>
/// <c>GET /c/{community}/reports/quality?from=2026-01&amp;until=2026-06&amp;lang=fr</c>: the program quality report for the
/// months from <c>from</c> to <c>until</c> (default: the current month) as HTML, for the community's admins (key as
/// Bearer). The language is <c>lang</c>, else the browser's Accept-Language, else English. Groups under the community's
/// minimum group size are suppressed (a community setting: a <c>minimumGroupSize</c> parameter is refused).
/// </summary>
public static class QualityReportEndpoint
{
    public const string Template = "/c/{community}/reports/quality";

    public static IEndpointRouteBuilder MapQualityReport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Template, ServeAsync);
        return app;
    }

    /// <summary>The first instant of a "yyyy-MM" month, or null when the text is no such month.</summary>
    public static DateTimeOffset? Month(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month)
            ? new DateTimeOffset(month, TimeSpan.Zero) : null;

    public static string Language(string? explicitLanguage, string? acceptLanguage) =>
        LanguagePreference.Combine(explicitLanguage, LanguagePreference.ParseAcceptLanguage(acceptLanguage))
            .Select(l => l.Split('-')[0].ToLowerInvariant()).FirstOrDefault(l => QualityReportText.Available.Contains(l)) ?? QualityReportText.DefaultLanguage;

    private static async Task<IResult> ServeAsync(string community, string? from, string? until, string? lang, string? minimumGroupSize,
        HttpContext http, CommunityAdminGate gate, IGrainFactory grains)
    {
        var (_, refusal) = await gate.AdmitAsync(http, community, "the quality report");
        if (refusal is not null)
        {
            return refusal;
        }

        var clock = http.RequestServices.GetKeyedService<TimeProvider>(DomainClock.ServiceKey) ?? TimeProvider.System;
        var now = clock.GetUtcNow();
        var current = Month(now.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture))!.Value;
        var start = from is null ? current : Month(from);
        var end = until is null ? current : Month(until);
        if (start is null || end is null)
        {
            return PublicResults.Error(StatusCodes.Status400BadRequest, ErrorCode.ValidationFailed, "'from' and 'until' are months written yyyy-MM, for example 2026-06.");
        }

        if (minimumGroupSize is not null)
        {
            return PublicResults.Error(StatusCodes.Status400BadRequest, ErrorCode.ValidationFailed,
                "'minimumGroupSize' is a community setting, not a report parameter: an admin sets it with the setFairnessPolicy mutation.");
        }

        try
        {
            var data = await QualityReportLoader.LoadAsync(grains, community, start.Value, end.Value, now);
            var html = QualityReportHtml.Render(data, Language(lang, http.Request.Headers.AcceptLanguage));
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            return Results.Content(html, "text/html; charset=utf-8");
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.ValidationFailed)
        {
            return PublicResults.Error(StatusCodes.Status400BadRequest, ex.Code, ex.Message);
        }
    }
}
