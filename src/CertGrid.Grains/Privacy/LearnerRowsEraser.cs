using CertGrid.Grains.Consents;
using CertGrid.Grains.Notices;
using CertGrid.Grains.Progress;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Privacy;

/// <summary>
/// Deletes the read-model rows about an erased learner: their learner row, progress rows (achievements and cohort
/// membership), notices and queued webhook deliveries about them, and the partner access log and messages. Idempotent.
/// </summary>
internal sealed class LearnerRowsEraser(StorageClients storage)
{
    private static readonly string[] OutboxPrefixes = [OutboxRow.NewPrefix, OutboxRow.QueuedPrefix, OutboxRow.DeadPrefix];

    public async Task EraseAsync(string community, string learnerId, IReadOnlyList<string> cohortIds)
    {
        await storage.ReadModel(storage.Names.LearnersTable).DeleteAsync(community, learnerId);

        var progress = storage.ReadModel(storage.Names.ProgressTable);
        await DeleteUnderAsync(progress, community, AchievementRow.LearnerPrefix(learnerId));
        foreach (var cohortId in cohortIds)
        {
            await progress.DeleteAsync(community, CohortMemberRow.CohortPrefix(cohortId) + learnerId);
        }

        var partnerAccess = storage.ReadModel(storage.Names.PartnerAccessTable);
        await DeleteUnderAsync(partnerAccess, community, PartnerAccessRow.Prefix(learnerId, messages: false));
        await DeleteUnderAsync(partnerAccess, community, PartnerAccessRow.Prefix(learnerId, messages: true));

        var notices = storage.ReadModel(storage.Names.NoticesTable);
        await DeleteUnderAsync(notices, community, NoticeRow.LearnerPrefix(learnerId));
        foreach (var prefix in OutboxPrefixes)
        {
            await DeleteUnderAsync(notices, community, prefix, row => row.GetString(nameof(OutboxRow.Payload))?.Contains(learnerId, StringComparison.Ordinal) == true);
        }
    }

    private static async Task DeleteUnderAsync(ReadModelTable table, string community, string prefix, Func<Azure.Data.Tables.TableEntity, bool>? about = null)
    {
        var doomed = new List<string>();
        await foreach (var row in table.ScanAsync<Azure.Data.Tables.TableEntity>(community, prefix))
        {
            if (about is null || about(row))
            {
                doomed.Add(row.RowKey);
            }
        }

        foreach (var rowKey in doomed)
        {
            await table.DeleteAsync(community, rowKey);
        }
    }
}
