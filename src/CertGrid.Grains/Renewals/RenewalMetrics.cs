using System.Diagnostics.Metrics;

namespace CertGrid.Grains.Renewals;

/// <summary>Meter <c>CertGrid.Renewals</c>: renewals that reached an end (docs/operations.md lists every CertGrid instrument).</summary>
public static class RenewalMetrics
{
    public const string MeterName = "CertGrid.Renewals";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> ProcessedCounter = Meter.CreateCounter<long>(
        "certgrid.renewals.processed", "{renewal}", "Renewal steps stored, by the audited action: renewal.renewed, renewal.expired, renewal.lapsed, renewal.closed (the credential was revoked).");

    /// <param name="outcome">The audit action of the step, e.g. <c>renewal.renewed</c>.</param>
    public static void Processed(string outcome) => ProcessedCounter.Add(1, new KeyValuePair<string, object?>("certgrid.renewal.outcome", outcome));
}
