using Azure.Monitor.OpenTelemetry.AspNetCore;
using CertGrid.Api.Redis;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CertGrid.Server.Observability;

/// <summary>
/// OpenTelemetry traces and metrics, exported when the standard settings ask for it: OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other <c>OTEL_*</c> settings: protocol, headers, service name),
/// Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; both may be. With neither, nothing is
/// collected. A trace follows a request from ASP.NET Core through Orleans grain calls (activity propagation, also
/// across silos) to Azure Storage and Redis. docs/operations.md names every source and meter.
/// </summary>
public static class CertGridTelemetry
{
    /// <summary>Activity sources traced besides ASP.NET Core and HttpClient (webhooks): Orleans' grain calls and the Azure SDK.</summary>
    public static readonly string[] Sources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Azure.*"];

    /// <summary>Meters exported besides ASP.NET Core, HttpClient and the .NET runtime: Orleans' own and CertGrid's (one per feature area).</summary>
    public static readonly string[] Meters = ["Microsoft.Orleans", "CertGrid.*"];

    public static WebApplicationBuilder AddCertGridTelemetry(this WebApplicationBuilder builder, string role)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        if (!otlp && !azureMonitor)
        {
            return builder;
        }

        // The Azure SDK emits its client spans (TableClient.UpsertEntity, BlobClient.Upload, ...) only when asked to.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var redis = RedisOptions.From(builder.Configuration).IsConfigured;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? "certgrid", serviceInstanceId: Environment.MachineName + "/" + Environment.ProcessId)
                .AddAttributes([new("certgrid.role", role)]))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource(Sources);
                if (redis)
                {
                    tracing.AddRedisInstrumentation();
                    tracing.ConfigureRedisInstrumentation((services, instrumentation) =>
                        instrumentation.AddConnection(services.GetRequiredService<RedisConnection>().Multiplexer));
                }
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters));
        if (azureMonitor)
        {
            telemetry.UseAzureMonitor();

            // Next to the distro, OTLP goes per signal: the cross-cutting UseOtlpExporter is not supported together
            // with it (Azure/azure-sdk-for-net#36339). The per-signal exporters read the same OTEL_* settings.
            if (otlp)
            {
                telemetry.WithTracing(tracing => tracing.AddOtlpExporter()).WithMetrics(metrics => metrics.AddOtlpExporter());
            }
        }
        else
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
