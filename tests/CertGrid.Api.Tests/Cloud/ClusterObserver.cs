using Azure.Data.Tables;
using CertGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace CertGrid.Api.Tests.Cloud;

/// <summary>
/// What an operator sees of the cluster: the membership table rows, and, through an Orleans client of its own (as the
/// dashboard is), how many grain activations each silo holds. Silos are told apart by the silo port they advertise.
/// </summary>
public sealed class ClusterObserver : IAsyncDisposable
{
    private readonly TableClient _membership;
    private readonly string _clusterId;
    private readonly IHost _client;

    private ClusterObserver(TableClient membership, string clusterId, IHost client)
    {
        _membership = membership;
        _clusterId = clusterId;
        _client = client;
    }

    public static async Task<ClusterObserver> ConnectAsync(StorageScope storage, string clusterId, string serviceId)
    {
        var tables = new TableServiceClient(StorageScope.ConnectionString);
        var tableName = storage.NamePrefix + "Cluster";
        var client = Host.CreateApplicationBuilder();
        client.UseOrleansClient(orleans =>
        {
            orleans.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, serviceId));
            orleans.UseAzureStorageClustering(o => (o.TableServiceClient, o.TableName) = (tables, tableName));
        });
        var host = client.Build();
        await host.StartAsync();
        return new ClusterObserver(tables.GetTableClient(tableName), clusterId, host);
    }

    /// <summary>Advertised silo port → status (Active, ShuttingDown, Dead, ...), from the membership table.</summary>
    public async Task<IReadOnlyDictionary<int, string>> MembershipAsync()
    {
        var rows = await _membership.QueryAsync<TableEntity>(e => e.PartitionKey == _clusterId).ToListAsync();
        // Orleans stores the silo rows' fields as strings; the latest generation of a port is the silo there now.
        return rows.Where(r => int.TryParse(r.GetString("Port"), out _))
            .GroupBy(r => int.Parse(r.GetString("Port"), System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => long.Parse(r.GetString("Generation"), System.Globalization.CultureInfo.InvariantCulture)).First().GetString("Status"));
    }

    /// <summary>Advertised silo port → grain activations on that silo.</summary>
    public async Task<IReadOnlyDictionary<int, int>> ActivationsAsync()
    {
        var management = _client.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var hosts = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        var statistics = await management.GetRuntimeStatistics(hosts);
        return hosts.Zip(statistics).ToDictionary(h => h.First.Endpoint.Port, h => h.Second.ActivationCount);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
    }
}
