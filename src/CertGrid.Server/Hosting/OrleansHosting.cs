using System.Net;
using CertGrid.Grains.Hosting;
using CertGrid.Grains.Storage;
using CertGrid.Server.Health;
using Orleans.Dashboard;
using Orleans.Configuration;

namespace CertGrid.Server.Hosting;

/// <summary>
/// Joins this process to the cluster: as a silo (membership in Azure Table storage, CertGrid's grains and
/// stores) or, for the gateway role, as a client of the same cluster.
/// </summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddCertGridCluster(this WebApplicationBuilder builder, ClusterHostingOptions cluster, StorageClients storage)
    {
        if (cluster.Role == ServerRole.Silo)
        {
            builder.UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                silo.UseAzureStorageClustering(o =>
                {
                    o.TableServiceClient = storage.Tables;
                    o.TableName = storage.Names.ClusterTable;
                });
                silo.ConfigureCertGridEndpoints(cluster);
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
                silo.AddCertGrid(storage);
                silo.AddActivityPropagation();
                silo.AddDashboard();
            });
        }
        else
        {
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                client.UseAzureStorageClustering(o =>
                {
                    o.TableServiceClient = storage.Tables;
                    o.TableName = storage.Names.ClusterTable;
                });
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
                client.AddActivityPropagation();
                client.AddDashboard();
                client.Services.AddSingleton<GatewayConnection>();
                client.Services.AddSingleton<IClusterConnectionStatusObserver>(services => services.GetRequiredService<GatewayConnection>());
            });
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = cluster.ShutdownTimeout);
        return builder;
    }

    /// <summary>
    /// Where the silo is reached (advertised address and ports, stored in the membership table) and where it listens.
    /// Behind a port-mapping platform the two differ: it advertises the exposed ports and listens on the mapped ones.
    /// </summary>
    private static void ConfigureCertGridEndpoints(this ISiloBuilder silo, ClusterHostingOptions cluster)
    {
        if (cluster is { SiloListeningPort: { } siloListening, GatewayListeningPort: { } gatewayListening })
        {
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = cluster.AdvertisedIPAddress is { } advertised ? IPAddress.Parse(advertised) : o.AdvertisedIPAddress;
                o.SiloPort = cluster.SiloPort;
                o.GatewayPort = cluster.GatewayPort;
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, siloListening);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, gatewayListening);
            });
        }
        else if (cluster.AdvertisedIPAddress is { } address)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(address), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
        }
        else
        {
            silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        }
    }
}
