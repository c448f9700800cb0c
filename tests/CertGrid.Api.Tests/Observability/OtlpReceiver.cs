using System.Collections.Concurrent;
using CertGrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CertGrid.Api.Tests.Observability;

/// <summary>
/// A real OTLP/HTTP receiver (protobuf) on 127.0.0.1: what an OpenTelemetry Collector listens on at :4318. It accepts
/// <c>POST /v1/traces</c> and <c>/v1/metrics</c> as the specification says (200 with an empty export response) and
/// keeps the spans and metric names it received, decoded by the field numbers of opentelemetry-proto.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentBag<ReceivedSpan> _spans = [];
    private readonly ConcurrentDictionary<string, byte> _metricNames = new(StringComparer.Ordinal);

    private OtlpReceiver(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base endpoint, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> takes it (the exporter adds <c>/v1/traces</c> …).</summary>
    public Uri Endpoint { get; }

    public IReadOnlyCollection<ReceivedSpan> Spans => _spans;

    public IReadOnlyCollection<string> MetricNames => (IReadOnlyCollection<string>)_metricNames.Keys;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var endpoint = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(endpoint.ToString());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, endpoint);
        app.MapPost("/v1/traces", async (HttpRequest request) => Accept(receiver.ReceiveTraces, await ReadAsync(request)));
        app.MapPost("/v1/metrics", async (HttpRequest request) => Accept(receiver.ReceiveMetrics, await ReadAsync(request)));
        app.MapPost("/v1/logs", async (HttpRequest request) => Accept(_ => { }, await ReadAsync(request)));
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    private static IResult Accept(Action<ProtoFields> receive, byte[] body)
    {
        receive(new ProtoFields(body));
        return Results.Bytes([], "application/x-protobuf");
    }

    // ExportTraceServiceRequest.resource_spans = 1; ResourceSpans.scope_spans = 2; ScopeSpans.scope = 1, .spans = 2;
    // InstrumentationScope.name = 1; Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, attributes 9.
    private void ReceiveTraces(ProtoFields request)
    {
        foreach (var scopeSpans in request.Messages(1).SelectMany(resource => resource.Messages(2)))
        {
            var scope = scopeSpans.Message(1)?.Text(1) ?? string.Empty;
            foreach (var span in scopeSpans.Messages(2))
            {
                var attributes = span.Messages(9).ToDictionary(kv => kv.Text(1) ?? string.Empty, kv => kv.Message(2)?.Text(1), StringComparer.Ordinal);
                _spans.Add(new ReceivedSpan(scope, span.Text(5) ?? string.Empty, (int)span.Number(6), span.Hex(1), span.Hex(2), span.Hex(4), attributes));
            }
        }
    }

    // ExportMetricsServiceRequest.resource_metrics = 1; ResourceMetrics.scope_metrics = 2; ScopeMetrics.metrics = 2; Metric.name = 1.
    private void ReceiveMetrics(ProtoFields request)
    {
        foreach (var metric in request.Messages(1).SelectMany(resource => resource.Messages(2)).SelectMany(scope => scope.Messages(2)))
        {
            _metricNames.TryAdd(metric.Text(1) ?? string.Empty, 0);
        }
    }
}
