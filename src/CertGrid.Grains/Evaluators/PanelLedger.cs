using Azure;
using Azure.Data.Tables;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Evaluators;

/// <summary>
/// The panels a community's pool has staffed and not released: one row per panel (<c>p|{panelId}</c> in the evaluators
/// table, the evaluator ids), written by the pool alone and guarded by its ETag, so staffing or releasing a panel writes
/// that one row however many panels are open. Loaded whole when the pool activates; the load of each evaluator is
/// counted from it.
/// </summary>
internal sealed class PanelLedger(StorageClients storage, string community)
{
    public const string Prefix = "p|";

    private readonly TableClient _table = storage.Table(storage.Names.EvaluatorsTable);
    private readonly Dictionary<string, (List<string> Members, ETag ETag)> _panels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _seats = new(StringComparer.Ordinal);

    public async Task LoadAsync()
    {
        await foreach (var row in storage.ReadModel(storage.Names.EvaluatorsTable).ScanAsync<TableEntity>(community, Prefix))
        {
            Track(row.RowKey[Prefix.Length..], Split(row.GetString("Evaluators")), row.ETag);
        }
    }

    public bool Contains(string panelId) => _panels.ContainsKey(panelId);

    public IReadOnlyList<string> Members(string panelId) => _panels.TryGetValue(panelId, out var panel) ? panel.Members : [];

    /// <summary>The panels the evaluator sits on.</summary>
    public IReadOnlyList<string> PanelsOf(string evaluatorId) => _seats.TryGetValue(evaluatorId, out var panels) ? [.. panels] : [];

    public int Load(string evaluatorId) => _seats.TryGetValue(evaluatorId, out var panels) ? panels.Count : 0;

    /// <summary>Stores a panel's members (none: the panel is released).</summary>
    public async Task SetAsync(string panelId, IReadOnlyList<string> members)
    {
        var existing = _panels.GetValueOrDefault(panelId);
        if (members.Count == 0)
        {
            if (_panels.ContainsKey(panelId))
            {
                await _table.DeleteEntityAsync(community, Prefix + panelId, existing.ETag);
                Untrack(panelId);
            }

            return;
        }

        var row = new TableEntity(community, Prefix + panelId) { ["Evaluators"] = string.Join(',', members) };
        var response = _panels.ContainsKey(panelId)
            ? await _table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace)
            : await _table.AddEntityAsync(row);
        Untrack(panelId);
        Track(panelId, [.. members], response.Headers.ETag ?? ETag.All);
    }

    /// <summary>
    /// Removes open panels (each only if its row is as this ledger last stored it) in table batches; a batch that fails
    /// whole (a row changed, or already went) is retried one panel at a time, where a row already gone counts as removed
    /// and a changed one fails the call.
    /// </summary>
    public async Task RemoveAsync(IReadOnlyList<string> panelIds)
    {
        foreach (var batch in panelIds.Where(_panels.ContainsKey).Chunk(TableBatch.MaxOperations))
        {
            if (batch.Length > 1)
            {
                try
                {
                    await _table.SubmitTransactionAsync(batch.Select(id =>
                        new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(community, Prefix + id), _panels[id].ETag)));
                    Array.ForEach(batch, Untrack);
                    continue;
                }
                catch (TableTransactionFailedException)
                {
                    // One row changed or went since it was stored: one by one below, to tell which.
                }
            }

            foreach (var panelId in batch)
            {
                await SetAsync(panelId, []);
            }
        }
    }

    private void Track(string panelId, List<string> members, ETag etag)
    {
        _panels[panelId] = (members, etag);
        foreach (var evaluatorId in members)
        {
            (_seats.TryGetValue(evaluatorId, out var panels) ? panels : _seats[evaluatorId] = new HashSet<string>(StringComparer.Ordinal)).Add(panelId);
        }
    }

    private void Untrack(string panelId)
    {
        if (_panels.Remove(panelId, out var panel))
        {
            foreach (var evaluatorId in panel.Members)
            {
                _seats[evaluatorId].Remove(panelId);
            }
        }
    }

    private static List<string> Split(string? ids) => string.IsNullOrEmpty(ids) ? [] : [.. ids.Split(',')];
}
