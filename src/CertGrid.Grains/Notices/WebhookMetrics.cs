using System.Diagnostics.Metrics;

namespace CertGrid.Grains.Notices;

/// <summary>Meter <c>CertGrid.Notices</c>: webhook delivery attempts and dead letters (docs/operations.md lists every CertGrid instrument).</summary>
public static class WebhookMetrics
{
    public const string MeterName = "CertGrid.Notices";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> DeliveriesCounter = Meter.CreateCounter<long>(
        "certgrid.webhooks.deliveries", "{delivery}", "Webhook delivery attempts by outcome: delivered, retrying (failed, tried again later), dead_lettered, dropped (the endpoint is gone).");

    private static readonly Counter<long> DeadLettersCounter = Meter.CreateCounter<long>(
        "certgrid.webhooks.dead_letters", "{delivery}", "Deliveries that used up their attempts and moved to the dead-letter list.");

    /// <param name="outcomeName">The dispatcher's outcome name (<c>DeadLettered</c>), recorded in snake case (<c>dead_lettered</c>).</param>
    public static void Delivery(string outcomeName)
    {
        var outcome = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(outcomeName);
        DeliveriesCounter.Add(1, new KeyValuePair<string, object?>("certgrid.webhook.outcome", outcome));
        if (outcome == "dead_lettered")
        {
            DeadLettersCounter.Add(1);
        }
    }
}
