using System.Diagnostics;

namespace CertGrid.Api.Tests.Observability;

/// <summary>
/// OpenTelemetry as an operator receives it: a CertGrid gateway and silo export over OTLP/HTTP (configured only by the
/// standard <c>OTEL_*</c> settings) to a real OTLP receiver, and one certification flow's request is one trace from
/// the HTTP request through the grain calls (across processes) down to Azure Storage, with Redis in it.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_certification_request_is_one_trace_from_http_through_grain_calls_to_storage_and_redis()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var cluster = await CertGridCluster.StartAsync(silos: 1, gateways: 1, extraSettings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });

        // The flow goes through the API-only gateway (node 1), so every grain call crosses to the silo's process.
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(1));
        var credentialId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var learner = await scenario.EnrolLearnerAsync();
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso") };
        var artifactId = await scenario.UploadArtifactAsync(learner.Key);
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credentialId, artifactId);
        var attemptId = attempt.GetProperty("id").GetString()!;
        var panel = attempt.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!).ToList();
        await scenario.ReviewAsync(evaluators.Single(e => e.Id == panel[0]).Key, attemptId, "Exemplary");

        // The deciding review is sent inside a client-side trace, so its W3C traceparent names a trace the test knows.
        var traceId = ActivityTraceId.CreateRandom();
        using (new Activity("certification client").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            var decided = await scenario.ReviewAsync(evaluators.Single(e => e.Id == panel[1]).Key, attemptId, "Proficient");
            Assert.Equal("PASSED", decided.GetProperty("status").GetString());
        }

        // The HTTP server span ends last (after the response is written), so the trace is complete once it is in.
        var trace = await WaitForTraceAsync(receiver, traceId.ToHexString(), spans =>
            spans.Any(s => s.Scope.StartsWith("Azure.", StringComparison.Ordinal)) && spans.Any(s => s.Scope == "Microsoft.AspNetCore" && s.Kind == ReceivedSpan.Server));
        var spans = string.Join("; ", trace.Values.Select(s => $"{s.Scope}/{s.Name}/kind {s.Kind}/{s.SpanId}<-{s.ParentSpanId}"));
        var http = trace.Values.SingleOrDefault(s => s.Scope == "Microsoft.AspNetCore" && s.Kind == ReceivedSpan.Server);
        Assert.True(http is not null, spans);
        var outgoing = trace.Values.Where(s => s.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.Kind == ReceivedSpan.Client).ToList();
        var incoming = trace.Values.Where(s => s.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.Kind == ReceivedSpan.Server).ToList();
        var storage = trace.Values.Where(s => s.Scope.StartsWith("Azure.", StringComparison.Ordinal)).ToList();
        Assert.True(outgoing.Count > 0 && incoming.Count > 0, spans);

        // The chain: HTTP request → grain call made by the gateway → the call handled by a grain on the silo → a storage request it made.
        Assert.True(storage.Any(s =>
            Ancestors(trace, s).FirstOrDefault(a => incoming.Contains(a)) is { } handled
            && Ancestors(trace, handled).Any(a => outgoing.Contains(a))
            && Ancestors(trace, handled).Contains(http)), spans);
        Assert.True(trace.Values.Any(s => s.Scope.Contains("StackExchangeRedis", StringComparison.Ordinal) && Ancestors(trace, s).Contains(http)), spans);

        // The metrics an operator reads arrive on the same receiver.
        await WaitForAsync(() => new[] { "certgrid.graphql.requests", "certgrid.storage.request.duration", "certgrid.credentials.issued", "http.server.request.duration" }
            .All(receiver.MetricNames.Contains) && receiver.MetricNames.Any(n => n.StartsWith("orleans", StringComparison.Ordinal)),
            () => "metrics received: " + string.Join(", ", receiver.MetricNames.Order()));
    }

    /// <summary>
    /// Both exporters at once (the Bicep sets Application Insights; an operator may add a collector). Traces are then
    /// sampled by the Azure Monitor distro (rate-limited by default), so the receiver gets its sample, not every trace.
    /// </summary>
    [Fact]
    public async Task With_azure_monitor_configured_as_well_the_otlp_receiver_still_gets_spans_and_metrics()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var cluster = await CertGridCluster.StartAsync(silos: 1, extraSettings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",

            // As the Bicep sets it, but pointing at a closed local port: Azure Monitor's exporter fails quietly.
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
                $"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint=http://127.0.0.1:{CertGrid.Testing.FreePort.Next()}/",
        });

        // A keyless verification of something that is not a credential: cheap, but still a grain call.
        var verification = await cluster.GraphQl().DataAsync("{ verifyCredential(credential: \"not.a.credential\") { valid } }");
        Assert.False(verification.GetProperty("verifyCredential").GetProperty("valid").GetBoolean());

        await WaitForAsync(() => receiver.Spans.Any(s => s.Scope.StartsWith("Azure.", StringComparison.Ordinal))
            && receiver.MetricNames.Contains("certgrid.graphql.requests") && receiver.MetricNames.Contains("certgrid.storage.request.duration"),
            () => $"{receiver.Spans.Count} spans; metrics: {string.Join(", ", receiver.MetricNames.Order())}");
    }

    private static IEnumerable<ReceivedSpan> Ancestors(IReadOnlyDictionary<string, ReceivedSpan> trace, ReceivedSpan span)
    {
        for (var current = span; trace.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            yield return parent;
        }
    }

    /// <summary>The trace's spans by span id (both in-process nodes export every span, so ids repeat), once it is complete enough.</summary>
    private static async Task<IReadOnlyDictionary<string, ReceivedSpan>> WaitForTraceAsync(
        OtlpReceiver receiver, string traceId, Func<IReadOnlyCollection<ReceivedSpan>, bool> complete)
    {
        IReadOnlyDictionary<string, ReceivedSpan> Trace() => receiver.Spans.Where(s => s.TraceId == traceId)
            .GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        await WaitForAsync(() => complete([.. Trace().Values]), () => $"{Trace().Count} spans of trace {traceId} received ({receiver.Spans.Count} in all, " +
            $"scopes {string.Join(", ", receiver.Spans.Select(s => s.Scope).Distinct())}): " +
            string.Join("; ", Trace().Values.Select(s => $"{s.Scope}/{s.Name}")));
        return Trace();
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string> describe)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            // Generous: with Azure Monitor's rate-limited sampling beside OTLP, a loaded machine (the whole suite on two
            // cores) once waited more than 20 s for a sampled trace holding a storage span.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), describe());
            await Task.Delay(200);
        }
    }
}
