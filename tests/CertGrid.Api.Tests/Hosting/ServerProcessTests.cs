using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Hosting;

/// <summary>The executable as operators run it: two processes form one cluster; bad storage or settings fail fast and say why.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task Two_server_processes_on_one_machine_form_one_cluster()
    {
        await using var storage = new StorageScope();
        var clusterId = "proc-" + storage.NamePrefix;
        var nodes = Enumerable.Range(0, 2).Select(_ => (Http: FreePort.Next(), Silo: FreePort.Next(), Gateway: FreePort.Next())).ToList();
        var processes = new List<ServerProcess>();
        try
        {
            foreach (var node in nodes)
            {
                processes.Add(ServerProcess.Start(new Dictionary<string, string>
                {
                    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{node.Http}",
                    ["Urls"] = $"http://127.0.0.1:{node.Http}",
                    ["ConnectionStrings__AzureStorage"] = StorageScope.ConnectionString,
                    ["Storage__NamePrefix"] = storage.NamePrefix,
                    ["Cluster__ClusterId"] = clusterId,
                    ["Cluster__ServiceId"] = clusterId,
                    ["Cluster__SiloPort"] = node.Silo.ToString(CultureInfo.InvariantCulture),
                    ["Cluster__GatewayPort"] = node.Gateway.ToString(CultureInfo.InvariantCulture),
                    ["Cluster__AdvertisedIPAddress"] = "127.0.0.1",
                    ["PublicUrls__BaseUrl"] = $"http://127.0.0.1:{nodes[0].Http}",
                    ["Operator__Key"] = CertGridCluster.OperatorKey,
                    ["GraphQL__ExecutionTimeout"] = "00:01:30", // a cold process's first write on a loaded machine (see CertGridCluster)
                }));
            }

            for (var i = 0; i < processes.Count; i++)
            {
                Assert.True(await processes[i].WaitForReadyAsync(new Uri($"http://127.0.0.1:{nodes[i].Http}"), TimeSpan.FromSeconds(90)), processes[i].Output);
            }

            var membership = new TableServiceClient(StorageScope.ConnectionString).GetTableClient(storage.NamePrefix + "Cluster");
            var active = await membership.QueryAsync<TableEntity>(e => e.PartitionKey == clusterId).Where(e => e.GetString("Status") == "Active").CountAsync();
            Assert.Equal(2, active);

            // A community opened through one process is administered through the other.
            var created = await new GraphQlClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{nodes[0].Http}") })
                .DataAsync("mutation { createCommunity(input: { id: \"twoprocs\", name: \"Two processes\" }) { adminKey } }", key: CertGridCluster.OperatorKey);
            var viewer = await new GraphQlClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{nodes[1].Http}") })
                .DataAsync("{ community { id name } }", key: created.GetProperty("createCommunity").GetProperty("adminKey").GetString());
            Assert.Equal("twoprocs", viewer.GetProperty("community").GetProperty("id").GetString());
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task With_storage_unreachable_the_server_exits_within_seconds_and_says_what_to_fix()
    {
        var watch = Stopwatch.StartNew();
        await using var server = ServerProcess.Start(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["ConnectionStrings__AzureStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                $"BlobEndpoint=http://127.0.0.1:{FreePort.Next()}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{FreePort.Next()}/devstoreaccount1;",
            ["Storage__StartupTimeout"] = "00:00:05",
            ["Storage__RequestTimeout"] = "00:00:02",
            ["Operator__Key"] = CertGridCluster.OperatorKey,
            ["PublicUrls__BaseUrl"] = "http://127.0.0.1:1",
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await server.Process.WaitForExitAsync(timeout.Token);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(40), $"took {watch.Elapsed}");
        Assert.Equal(2, server.Process.ExitCode);
        Assert.Contains("Azure Storage", server.Output);
        Assert.Contains("ConnectionStrings:AzureStorage", server.Output);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_server_with_a_message_that_names_it()
    {
        await using var server = ServerProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__AzureStorage"] = StorageScope.ConnectionString,
            ["Cluster__SiloPort"] = "0",
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await server.Process.WaitForExitAsync(timeout.Token);
        Assert.Equal(2, server.Process.ExitCode);
        Assert.Contains("Cluster:SiloPort", server.Output);
    }
}
