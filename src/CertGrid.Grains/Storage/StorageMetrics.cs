using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CertGrid.Grains.Storage;

/// <summary>
/// Meter <c>CertGrid.Storage</c>: every HTTP request the Azure Table and Blob clients send (grain state, reminders,
/// membership, read models, artifacts), timed per attempt, and the ones that failed. A pipeline policy of both
/// clients, so nothing that talks to storage can bypass it (docs/operations.md lists every CertGrid instrument).
/// </summary>
public sealed class StorageMetrics : HttpPipelinePolicy
{
    public const string MeterName = "CertGrid.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "certgrid.storage.request.duration", "s", "Time of one storage request attempt, by service (table, blob), method and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "certgrid.storage.request.failures", "{request}", "Storage request attempts that failed: no answer, or a 5xx, 408 or 429 status. Conflicts (409, 412) and 404 are answers, not failures.");

    private readonly KeyValuePair<string, object?> _service;

    public StorageMetrics(string service) => _service = new("certgrid.storage.service", service);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Record(message, started);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Record(message, started);
        }
    }

    private void Record(HttpMessage message, long started)
    {
        var status = message.HasResponse ? message.Response.Status : 0;
        var failed = status is 0 or 408 or 429 or >= 500;
        var tags = new TagList
        {
            _service,
            { "http.request.method", message.Request.Method.Method },
            { "certgrid.storage.outcome", failed ? "failure" : status >= 400 ? "refused" : "success" },
        };
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        if (failed)
        {
            Failures.Add(1, _service, new KeyValuePair<string, object?>("http.response.status_code", status));
        }
    }
}
