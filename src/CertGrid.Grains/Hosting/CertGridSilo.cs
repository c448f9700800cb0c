using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Publishing;
using CertGrid.Grains.Credentials;
using CertGrid.Grains.Credentials.Keys;
using CertGrid.Grains.Credentials.StatusLists;
using CertGrid.Grains.Learners;
using CertGrid.Abstractions.Notices.Email;
using CertGrid.Grains.Notices;
using CertGrid.Grains.Notices.Email;
using CertGrid.Grains.Persistence;
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
    /// Grain state in Azure Table storage (Orleans' binary serializer, version-tolerant through the <c>[Id]</c>s, row
    /// keys spread by <see cref="SpreadRowKeyGrainStorage"/>),
    /// the few states that outgrow a row in blobs (<see cref="StorageNames.BlobGrainStore"/>), reminders in the Azure Table reminder service, and the grains' own services. Clustering is the host's choice.
    /// </summary>
    public static ISiloBuilder AddCertGrid(this ISiloBuilder silo, StorageClients storage)
    {
        silo.AddAzureTableGrainStorage(SpreadRowKeyGrainStorage.TableStorageName, options =>
        {
            options.TableServiceClient = storage.Tables;
            options.TableName = storage.Names.GrainStateTable;
            options.StoragePolicyOptions.OperationTimeout = storage.Options.RequestTimeout;
        });
        silo.Services.AddOptions<AzureTableStorageOptions>(SpreadRowKeyGrainStorage.TableStorageName)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainStore, (services, _) =>
            new SpreadRowKeyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(SpreadRowKeyGrainStorage.TableStorageName)));
        silo.AddAzureBlobGrainStorage(StorageNames.BlobGrainStore, options =>
        {
            options.BlobServiceClient = storage.Blobs;
            options.ContainerName = storage.Names.GrainBlobsContainer;
        });
        silo.Services.AddOptions<AzureBlobStorageOptions>(StorageNames.BlobGrainStore)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        silo.UseAzureTableReminderService(options =>
        {
            options.TableServiceClient = storage.Tables;
            options.TableName = storage.Names.RemindersTable;
        });
        silo.Services.AddCertGridGrainServices(storage, silo.Configuration);
        silo.AddIncomingGrainCallFilter<ForeignOperationsDropped>();
        return silo;
    }

    /// <summary>Private signing keys in Azure Key Vault when <c>CredentialKeys:KeyVaultUri</c> is set, Data Protection otherwise.</summary>
    private static void AddSigningKeyVault(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new CredentialKeyOptions();
        configuration.GetSection(CredentialKeyOptions.SectionName).Bind(options);
        if (options.KeyVaultUri is { } vaultUri)
        {
            var credential = new Azure.Identity.DefaultAzureCredential(new Azure.Identity.DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            services.AddSingleton(new Azure.Security.KeyVault.Secrets.SecretClient(vaultUri, credential));
            services.AddSingleton<ISigningKeyVault, KeyVaultSigningKeyVault>();
        }
        else
        {
            services.AddSingleton<ISigningKeyVault, DataProtectionKeyVault>();
        }
    }

    private static void AddCertGridGrainServices(this IServiceCollection services, StorageClients storage, IConfiguration configuration)
    {
        services.TryAddKeyedSingleton(DomainClock.ServiceKey, TimeProvider.System);
        services.AddSingleton(storage);
        services.AddSingleton<ArtifactStore>();
        services.AddSingleton<Privacy.Export.ExportArchiveStore>();
        services.AddSingleton<OperationAnswers>();
        services.AddSingleton<VerificationMemo>();
        services.TryAddSingleton<VerificationEpoch>();
        services.AddSingleton<PublishedKeysCache>();
        services.AddOptions<PortfolioOptions>().Bind(configuration.GetSection(PortfolioOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<VerificationOptions>().Bind(configuration.GetSection(VerificationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StatusListOptions>().Bind(configuration.GetSection(StatusListOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().Bind(configuration.GetSection(PublicUrlOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new PublicRoutes(sp.GetRequiredService<IOptions<PublicUrlOptions>>().Value.BaseUrl));
        services.AddOptions<RenewalOptions>().Bind(configuration.GetSection(RenewalOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EffectMarkers>();
        services.AddSingleton<Analytics.AnalyticsRecorder>();
        services.AddSingleton<Calibration.CalibrationRecorder>();
        services.AddSingleton<Evaluators.PanelReleases>();
        services.AddSingleton<Scheduling.DeadlineSyncs>();
        services.AddHostedService<SiloLossSweeps>();
        services.AddHostedService<Privacy.ErasurePlanRollouts>();
        services.AddSingleton<NoticePublisher>();
        services.AddSingleton<Events.EventWebhookOutbox>();
        services.TryAddSingleton<Abstractions.Events.IEventFeedAnnouncer, Events.SilentEventFeedAnnouncer>();
        services.AddSingleton<WebhookSender>();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SmtpDelivery>();
        services.AddSingleton<NoticeMailer>();

        // One key ring, in blob storage, shared by every silo: signing keys encrypted by one silo decrypt on all.
        services.AddDataProtection().SetApplicationName("CertGrid");
        services.Configure<KeyManagementOptions>(options =>
            options.XmlRepository = new BlobXmlRepository(storage.Blobs.GetBlobContainerClient(storage.Names.DataProtectionContainer)));
        services.AddSigningKeyVault(configuration);
    }
}
