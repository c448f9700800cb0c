using System.Text;
using CertGrid.Abstractions.Audit;
using CertGrid.Api.Access;
using CertGrid.Domain.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;

namespace CertGrid.Api.Audit;

/// <summary>
/// <c>GET /c/{community}/audit.jsonl</c>: the community's audit chain as JSON Lines for its admins (key as Bearer),
/// streamed in batches straight from the audit table, so a log of any length is exported in constant memory. Verify the
/// file offline with the CertGrid.AuditVerify tool. <c>?after=N</c> resumes after entry N.
/// </summary>
public static class AuditExportEndpoint
{
    public const string Template = "/c/{community}/audit.jsonl";
    private const int Batch = 1000;

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Template, ExportAsync);
        return app;
    }

    private static async Task ExportAsync(
        string community, string? after, HttpContext http, CommunityAdminGate gate, IGrainFactory grains)
    {
        var (resumeAfter, badAfter) = Publishing.QueryParameters.WholeNumber(after, "after", 0, long.MaxValue);
        if (badAfter is not null)
        {
            await badAfter.ExecuteAsync(http);
            return;
        }

        var (_, refusal) = await gate.AdmitAsync(http, community, "the audit export");
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = AuditJsonLines.MediaType + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{community}.jsonl\"";
        var reader = grains.GetGrain<IAuditLogReaderGrain>(community);
        var sequence = resumeAfter ?? 0;
        var line = new StringBuilder();
        while (!http.RequestAborted.IsCancellationRequested)
        {
            var entries = await reader.ExportAsync(sequence, Batch);
            foreach (var entry in entries)
            {
                line.Clear().Append(AuditJsonLines.Write(entry)).Append('\n');
                await http.Response.WriteAsync(line.ToString(), http.RequestAborted);
                sequence = entry.Sequence;
            }

            await http.Response.Body.FlushAsync(http.RequestAborted);
            if (entries.Count < Batch)
            {
                break;
            }
        }
    }
}
