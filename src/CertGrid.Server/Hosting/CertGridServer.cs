using CertGrid.Api;
using CertGrid.Api.Errors;
using CertGrid.Api.OAuth;
using CertGrid.Api.Redis;
using CertGrid.Grains.Storage;
using CertGrid.Server.DemoData;
using CertGrid.Server.Health;
using CertGrid.Server.Observability;
using CertGrid.Server.Operations;

namespace CertGrid.Server.Hosting;

/// <summary>
/// Builds the CertGrid process from configuration: storage (checked before anything starts), the API, the
/// Orleans silo or client, and the optional demo data. Tests build it the same way, with their own settings.
/// </summary>
public static class CertGridServer
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        // Settings files sit next to the binary, wherever the process is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        customize?.Invoke(builder);

        var cluster = ConfigurationValidation.Bind<ClusterHostingOptions>(builder.Configuration, ClusterHostingOptions.SectionName);
        var storageOptions = StorageOptions.From(builder.Configuration).Validated();
        var storage = new StorageClients(storageOptions);
        await StoragePreflight.EnsureReadyAsync(storage, storageOptions.StartupTimeout);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 10 * 1024 * 1024;

            // Credentials are presented in URLs too (GET /verify?credential=<VC-JWT>); a rich one is over 10 KB.
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
        });
        builder.Services.AddCertGridApi(builder.Configuration);
        builder.Services.AddCertGridHealthChecks(storage, RedisOptions.From(builder.Configuration));
        builder.AddCertGridCluster(cluster, storage);
        builder.AddCertGridTelemetry(cluster.Role.ToString().ToLowerInvariant());
        builder.Services.AddDemoData(builder.Configuration);

        var app = builder.Build();
        app.UseCertGridErrorResponses();
        app.UseCertGridOAuth();
        app.MapCertGridApi();
        app.MapCertGridHealth();
        app.MapOperatorDashboard();
        return app;
    }
}
