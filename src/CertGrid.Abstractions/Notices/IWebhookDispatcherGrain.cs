namespace CertGrid.Abstractions.Notices;

/// <summary>
/// Delivers a community's notices from the durable outbox to its webhook endpoints: signed, retried with
/// exponential backoff, dead-lettered after the last attempt, at least once (receivers deduplicate on the
/// idempotency key, the notice id). Key: the community id.
/// </summary>
public interface IWebhookDispatcherGrain : IGrainWithStringKey
{
    /// <summary>Asks for a delivery pass soon (after new notices); coalesces bursts.</summary>
    [OneWay]
    Task KickAsync();

    /// <summary>Delivers everything due now and returns what happened.</summary>
    Task<DeliveryReport> DeliverDueAsync();

    /// <summary>
    /// Puts a dead letter back in the queue, due now. NOT_FOUND if there is no such dead letter, unless this operation
    /// (a run again after a lost answer) already re-queued it.
    /// </summary>
    [Retries.TakesRetriedOperation]
    Task RedeliverAsync(string noticeId, string endpointId, string actor);
}

[GenerateSerializer, Immutable, Alias("certgrid.delivery-report")]
public sealed record DeliveryReport(
    [property: Id(0)] int Delivered,
    [property: Id(1)] int Retrying,
    [property: Id(2)] int DeadLettered,
    [property: Id(3)] DateTimeOffset? NextAttemptAt);
