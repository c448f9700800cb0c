using System.Diagnostics.Metrics;

namespace CertGrid.Api.Credentials;

/// <summary>Meter <c>CertGrid.Verification</c>: lookups in the gateway's verification cache (docs/operations.md lists every CertGrid instrument).</summary>
public static class VerificationMetrics
{
    public const string MeterName = "CertGrid.Verification";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>(
        "certgrid.verification.cache.lookups", "{lookup}", "Verifications answered from the gateway's cache (hit) or by the verifier grain (miss).");

    public static void Hit() => Lookups.Add(1, new KeyValuePair<string, object?>("certgrid.cache.result", "hit"));

    public static void Miss() => Lookups.Add(1, new KeyValuePair<string, object?>("certgrid.cache.result", "miss"));
}
