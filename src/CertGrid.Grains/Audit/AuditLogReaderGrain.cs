using CertGrid.Abstractions.Audit;
using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Audit;

/// <summary>Reads a community's audit chain from the audit table; runs on any silo, in parallel.</summary>
[StatelessWorker]
public sealed class AuditLogReaderGrain(StorageClients storage) : Grain, IAuditLogReaderGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.AuditTable);

    private string Community => this.GetPrimaryKeyString();

    public Task<Page<AuditEntry>> ListAsync(PageRequest page) =>
        _table.PageAsync<AuditRow, AuditEntry>(Community, AuditRow.EntryPrefix, page, row => row.ToEntry());

    public const int MaxExportBatch = 1000;

    public async Task<IReadOnlyList<AuditEntry>> ExportAsync(long afterSequence, int count)
    {
        var take = Math.Clamp(count, 1, MaxExportBatch);
        var from = AuditRow.EntryKey(Math.Max(0, afterSequence));
        var to = AuditRow.EntryPrefix + '\uffff';
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {Community} and RowKey gt {from} and RowKey lt {to}");
        var entries = new List<AuditEntry>(take);
        await foreach (var row in _table.Client.QueryAsync<AuditRow>(filter, maxPerPage: take))
        {
            entries.Add(row.ToEntry());
            if (entries.Count == take)
            {
                break;
            }
        }

        return entries;
    }

    public async Task<ChainVerification> VerifyAsync()
    {
        var verifier = new AuditChain.Verifier();
        var lastHash = AuditChain.Genesis;
        await foreach (var row in _table.ScanAsync<AuditRow>(Community, AuditRow.EntryPrefix))
        {
            var entry = row.ToEntry();
            if (!verifier.Check(entry))
            {
                break;
            }

            lastHash = entry.Hash;
        }

        var result = verifier.Result;
        var head = await _table.FindAsync<AuditRow>(Community, AuditRow.HeadKey);
        if (result.Intact && head is not null && (head.Sequence != result.EntriesChecked || head.Hash != lastHash))
        {
            return result with
            {
                Intact = false,
                FirstBrokenSequence = result.EntriesChecked + 1,
                Problem = $"the chain ends at entry {result.EntriesChecked} but its head records entry {head.Sequence}: entries were removed or replaced",
            };
        }

        return result;
    }
}
