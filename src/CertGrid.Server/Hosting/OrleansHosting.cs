using System.Net;
using CertGrid.Grains.Hosting;
using CertGrid.Grains.Storage;
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
                if (cluster.AdvertisedIPAddress is { } address)
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(address), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
                }
                else
                {
                    silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }

                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
                silo.AddCertGrid(storage);
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
            });
        }

        return builder;
    }
}
