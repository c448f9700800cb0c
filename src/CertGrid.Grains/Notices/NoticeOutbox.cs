using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Notices;
using CertGrid.Domain.Notices;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices;

/// <summary>
/// Publishes notices: one atomic table batch per notice writes the holder's copy and the outbox entry the webhook
/// dispatcher picks up. Both are inserts, so publishing a notice again (after a crash, a retry, a bucket processed
/// twice) finds them there and changes nothing: the notice exists once and is delivered once per endpoint.
/// </summary>
public sealed class NoticeOutbox(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(storage.Names.NoticesTable);

    public async Task PublishAsync(IGrainFactory grains, string community, IReadOnlyList<Notice> notices)
    {
        foreach (var notice in notices)
        {
            var payload = NoticePayload.Serialize(community, notice);
            var outbox = new OutboxRow
            {
                PartitionKey = community, RowKey = OutboxRow.NewPrefix + notice.Id, NoticeId = notice.Id, EventType = notice.Kind.EventType(), Payload = payload,
            };
            try
            {
                await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, NoticeRow.From(community, notice)),
                    new TableTransactionAction(TableTransactionActionType.Add, outbox),
                ]);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Published before: nothing to do.
            }
        }

        if (notices.Count > 0)
        {
            await grains.GetGrain<IWebhookDispatcherGrain>(community).KickAsync();
        }
    }
}
