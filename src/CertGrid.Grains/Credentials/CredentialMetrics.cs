using System.Diagnostics.Metrics;

namespace CertGrid.Grains.Credentials;

/// <summary>Meter <c>CertGrid.Credentials</c>: credentials issued (docs/operations.md lists every CertGrid instrument).</summary>
public static class CredentialMetrics
{
    public const string MeterName = "CertGrid.Credentials";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> IssuedCounter = Meter.CreateCounter<long>(
        "certgrid.credentials.issued", "{credential}", "Credentials signed and stored (a retried issue of the same credential is not counted again).");

    /// <param name="replacement">Whether it replaces an earlier credential (a renewal or a re-issue after a key compromise).</param>
    public static void Issued(bool replacement) => IssuedCounter.Add(1, new KeyValuePair<string, object?>("certgrid.credential.replacement", replacement));
}
