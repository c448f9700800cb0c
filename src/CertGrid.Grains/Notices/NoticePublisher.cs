using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Notices;
using CertGrid.Domain.Notices;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices;

/// <summary>
/// Publishes notices: one atomic table batch per notice writes the holder's copy and the outbox entry the webhook
/// dispatcher picks up. Both are inserts, so publishing a notice again (after a crash, a retry, a bucket processed
/// twice) finds them there and changes nothing: the notice exists once and is delivered once per endpoint. A
/// community without webhook endpoints gets no outbox entries and wakes no dispatcher: there is nowhere to deliver
/// to (a notice published before the first endpoint is registered is not delivered to it, as before this shortcut,
/// when the dispatcher dropped it).
/// </summary>
public sealed class NoticePublisher(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(storage.Names.NoticesTable);

    public async Task PublishAsync(IGrainFactory grains, string community, IReadOnlyList<Notice> notices)
    {
        if (notices.Count == 0)
        {
            return;
        }

        var hasEndpoints = await grains.GetGrain<IWebhookEndpointsGrain>(community).HasEndpointsAsync();
        foreach (var notice in notices)
        {
            List<TableTransactionAction> rows = [new(TableTransactionActionType.Add, NoticeRow.From(community, notice))];
            if (hasEndpoints)
            {
                rows.Add(new(TableTransactionActionType.Add, new OutboxRow
                {
                    PartitionKey = community, RowKey = OutboxRow.NewPrefix + notice.Id, NoticeId = notice.Id, EventType = notice.Kind.EventType(),
                    Payload = NoticePayload.Serialize(community, notice),
                }));
            }

            try
            {
                await _table.SubmitTransactionAsync(rows);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Published before: nothing to do.
            }
        }

        if (hasEndpoints)
        {
            await grains.GetGrain<IWebhookDispatcherGrain>(community).KickAsync();
        }
    }
}
