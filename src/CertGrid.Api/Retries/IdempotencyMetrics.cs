using System.Diagnostics.Metrics;

namespace CertGrid.Api.Retries;

/// <summary>
/// Meter <c>CertGrid.Retries</c>: mutations sent with an <c>Idempotency-Key</c>, by what happened
/// (<c>certgrid.idempotency.outcome</c>): <c>first_run</c>, <c>run_again</c> (after a lost answer, safe operations only),
/// <c>replayed</c>, <c>in_progress</c>, <c>key_reused</c>, <c>outcome_unknown</c>, <c>answer_lost</c> (the run's answer
/// said the cluster did not answer) and <c>unrecorded</c> (the answer could not be kept). docs/operations.md reads them.
/// </summary>
public static class IdempotencyMetrics
{
    public const string MeterName = "CertGrid.Retries";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "certgrid.idempotency.requests", "{request}", "Mutations sent with an Idempotency-Key, by outcome.");

    public static void Count(string outcome) => Requests.Add(1, new KeyValuePair<string, object?>("certgrid.idempotency.outcome", outcome));
}
