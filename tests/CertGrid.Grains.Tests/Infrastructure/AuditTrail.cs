using CertGrid.Abstractions.Audit;
using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Audit;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>Reads a community's whole audit chain (after the outbox delivered it).</summary>
public static class AuditTrail
{
    public static async Task<List<AuditEntry>> AllAsync(IGrainFactory grains, string community)
    {
        var entries = new List<AuditEntry>();
        string? cursor = null;
        do
        {
            var page = await grains.GetGrain<IAuditLogReaderGrain>(community).ListAsync(new PageRequest(100, cursor));
            entries.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return entries;
    }

    /// <summary>Waits until an action appears for a subject (audit delivery follows the state write).</summary>
    public static Task<List<AuditEntry>> WithAsync(IGrainFactory grains, string community, string action, string? subject = null) =>
        Eventually.HoldsAsync(() => AllAsync(grains, community), all => all.Any(e => e.Action == action && (subject is null || e.Subject == subject)),
            $"the audit log holds {action}");
}
