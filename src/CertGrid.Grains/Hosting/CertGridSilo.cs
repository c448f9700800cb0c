using CertGrid.Abstractions.Publishing;
using CertGrid.Grains.Credentials;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Notices;
using CertGrid.Grains.Renewals;
using CertGrid.Grains.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace CertGrid.Grains.Hosting;

/// <summary>What a silo needs to run CertGrid's grains: where state and reminders live, and the services grains use.</summary>
public static class CertGridSilo
{
    /// <summary>
    /// Grain state in Azure Table storage (Orleans' binary serializer, version-tolerant through the <c>[Id]</c>s),
    /// reminders in the Azure Table reminder service, and the grains' own services. Clustering is the host's choice.
    /// </summary>
    public static ISiloBuilder AddCertGrid(this ISiloBuilder silo, StorageClients storage)
    {
        silo.AddAzureTableGrainStorage(StorageNames.GrainStore, options =>
        {
            options.TableServiceClient = storage.Tables;
            options.TableName = storage.Names.GrainStateTable;
            options.StoragePolicyOptions.OperationTimeout = storage.Options.RequestTimeout;
        });
        silo.Services.AddOptions<AzureTableStorageOptions>(StorageNames.GrainStore)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        silo.UseAzureTableReminderService(options =>
        {
            options.TableServiceClient = storage.Tables;
            options.TableName = storage.Names.RemindersTable;
        });
        silo.Services.AddCertGridGrainServices(storage, silo.Configuration);
        return silo;
    }

    private static void AddCertGridGrainServices(this IServiceCollection services, StorageClients storage, IConfiguration configuration)
    {
        services.TryAddKeyedSingleton(DomainClock.ServiceKey, TimeProvider.System);
        services.AddSingleton(storage);
        services.AddSingleton<ArtifactStore>();
        services.AddSingleton<SignatureMemo>();
        services.AddOptions<PortfolioOptions>().Bind(configuration.GetSection(PortfolioOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().Bind(configuration.GetSection(PublicUrlOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new PublicRoutes(sp.GetRequiredService<IOptions<PublicUrlOptions>>().Value.BaseUrl));
        services.AddOptions<RenewalOptions>().Bind(configuration.GetSection(RenewalOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NoticeOutbox>();
        services.AddSingleton<WebhookSender>();

        // One key ring, in blob storage, shared by every silo: signing keys encrypted by one silo decrypt on all.
        services.AddDataProtection().SetApplicationName("CertGrid");
        services.Configure<KeyManagementOptions>(options =>
            options.XmlRepository = new BlobXmlRepository(storage.Blobs.GetBlobContainerClient(storage.Names.DataProtectionContainer)));
    }
}
