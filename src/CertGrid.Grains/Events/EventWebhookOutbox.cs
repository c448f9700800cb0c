using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Notices;
using CertGrid.Domain.Events;
using CertGrid.Grains.Notices;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Events;

/// <summary>
/// Hands feed events to the community's webhook outbox (the notices table the dispatcher delivers from), one insert
/// per event keyed by its id: handing an event over again (an append retried) finds it there, or, when it was already
/// delivered, delivers it once more under the same idempotency key (at least once). A community without endpoints
/// gets no outbox entries.
/// </summary>
public sealed class EventWebhookOutbox(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(storage.Names.NoticesTable);

    public async Task QueueAsync(IGrainFactory grains, string community, IReadOnlyList<FeedEvent> events)
    {
        if (events.Count == 0 || !await grains.GetGrain<IWebhookEndpointsGrain>(community).HasEndpointsAsync())
        {
            return;
        }

        foreach (var feed in events)
        {
            try
            {
                await _table.AddEntityAsync(new OutboxRow
                {
                    PartitionKey = community, RowKey = OutboxRow.NewPrefix + feed.Event.Id, NoticeId = feed.Event.Id, EventType = feed.Event.Type,
                    Payload = EventPayload.Serialize(community, feed.Event, feed.Sequence),
                    LearnerId = feed.Event.Subject.LearnerId, CredentialId = feed.Event.Subject.CredentialId,
                    PartnerPayload = PartnerEventRule.Types.Contains(feed.Event.Type) ? EventPayload.SerializeForPartner(community, feed.Event, feed.Sequence) : null,
                });
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Queued before and not delivered yet: nothing to do.
            }
        }

        await grains.GetGrain<IWebhookDispatcherGrain>(community).KickAsync();
    }
}
