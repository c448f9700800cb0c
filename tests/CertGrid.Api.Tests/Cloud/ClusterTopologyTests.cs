using System.Diagnostics;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Cloud;

/// <summary>
/// The Azure topology, proven by simulation since no Azure is reachable here: the container apps infra/main.bicep
/// declares (read from its snapshot, so the test cannot drift from it) run as real processes on 127.0.0.1 with the
/// environment variables, ports and probes the deployment gives them. The silo tier forms one cluster, scales from
/// two silos to three and back as an operator would scale it (siloCount), and the gateway tier serves throughout.
/// </summary>
public sealed class ClusterTopologyTests
{
    private static readonly int SiloPortBase = TestEnvironment.PortBase + 10;
    private static readonly int GatewayPortBase = TestEnvironment.PortBase + 20;

    [Fact]
    public async Task The_deployed_silo_tier_forms_a_cluster_scales_from_two_to_three_and_back_and_the_gateways_serve_throughout()
    {
        await using var storage = new StorageScope();
        var environmentName = "sim-" + storage.NamePrefix;
        var twoSilos = await SnapshotAsync(environmentName, silos: 2);
        var threeSilos = await SnapshotAsync(environmentName, silos: 3);
        CheckTopology(twoSilos, silos: 2);
        CheckTopology(threeSilos, silos: 3);

        // 1. Two silos and a gateway: one cluster, each silo at the address and ports it advertises.
        await using var deployment = new SimulatedDeployment(new SimulatedPlatform(storage));
        await deployment.ApplyAsync(twoSilos);
        await using var observer = await ClusterObserver.ConnectAsync(storage, environmentName, twoSilos[0].Environment["Cluster__ServiceId"]);
        await WaitForAsync(async () => ActiveSiloPorts(await observer.MembershipAsync()).SetEquals([SiloPortBase, SiloPortBase + 1]), "two active silos", observer);

        var publicUrl = deployment.Replicas.First(r => r.App.Tier == "gateway").HttpAddress;
        var gateway = new GraphQlClient(new HttpClient { BaseAddress = publicUrl, Timeout = TimeSpan.FromSeconds(60) });
        await WarmUpAsync(gateway);
        var scenario = await CommunityScenario.CreateAsync(gateway);
        await using var load = SteadyLoad.Start(scenario);
        await WaitForAsync(() => Task.FromResult(load.Acknowledged.Count >= 3), "writes through the gateway", observer);

        // 2. siloCount 3: the new silo app starts, joins, and takes new grain activations.
        load.Phase("scaling to three");
        var (added, _) = await deployment.ApplyAsync(threeSilos);
        var newSilo = Assert.Single(added).App;
        Assert.Equal("silo", newSilo.Tier);
        Assert.Equal((SiloPortBase + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), newSilo.Environment["Cluster__SiloPort"]);
        await WaitForAsync(async () => ActiveSiloPorts(await observer.MembershipAsync()).SetEquals([SiloPortBase, SiloPortBase + 1, SiloPortBase + 2]), "three active silos", observer);
        load.Phase("three silos");
        var joined = load.Acknowledged.Count;
        await WaitForAsync(async () => (await observer.ActivationsAsync()).GetValueOrDefault(SiloPortBase + 2) > 0, "grains activated on the new silo", observer);
        await WaitForAsync(() => Task.FromResult(load.Acknowledged.Count >= joined + 3), "writes with three silos", observer);

        // 3. siloCount 2 again: the third silo app is removed; it gets SIGTERM and leaves the cluster within its grace period.
        load.Phase("scaling back to two");
        var (_, removed) = await deployment.ApplyAsync(twoSilos);
        var (replica, took, graceful, exitCode) = Assert.Single(removed);
        Assert.Equal(newSilo.Name, replica.App.Name);
        Assert.True(graceful && exitCode == 0, $"exit code {exitCode} after {took} (graceful: {graceful}):\n{replica.Process.Output}");
        await WaitForAsync(async () => (await observer.MembershipAsync()).GetValueOrDefault(SiloPortBase + 2) == "Dead", "the removed silo marked dead", observer);
        // A graceful stop can be over within one request's time: the phase lasts until a write begun in it is acknowledged.
        await WaitForAsync(() => Task.FromResult(load.Outcomes.Any(o => o is { Phase: "scaling back to two", Operation: "enrolLearner", Code: "OK" })),
            "a write begun while scaling back, acknowledged", observer);
        load.Phase("two silos again");
        var settled = load.Acknowledged.Count;
        await WaitForAsync(() => Task.FromResult(load.Acknowledged.Count >= settled + 3), "writes after scaling back", observer);
        await load.StopAsync();

        // Served throughout: every phase had acknowledged writes, a refused request always carried a code, and every
        // acknowledged write is there afterwards.
        var outcomes = load.Outcomes.ToList();
        var report = string.Join("\n", outcomes.GroupBy(o => (o.Phase, o.Code)).Select(g => $"{g.Key.Phase}: {g.Key.Code} x{g.Count()}"));
        foreach (var phase in new[] { "start", "scaling to three", "three silos", "scaling back to two", "two silos again" })
        {
            Assert.True(outcomes.Any(o => o.Phase == phase && o.Operation == "enrolLearner" && o.Code == "OK"), $"no acknowledged write while {phase}:\n{report}");
        }

        Assert.DoesNotContain(outcomes, o => o.Code.StartsWith("NO ANSWER", StringComparison.Ordinal) || o.Code.StartsWith("HTTP", StringComparison.Ordinal));
        Assert.True(outcomes.Count(o => o.Code != "OK") * 10 <= outcomes.Count, report);
        foreach (var id in load.Acknowledged)
        {
            var learner = await scenario.GraphQl.DataAsync("query($id: ID) { learner(id: $id) { id } }", new { id }, scenario.AdminKey);
            Assert.Equal(id, learner.GetProperty("learner").GetProperty("id").GetString());
        }
    }

    /// <summary>
    /// The first write of a cold cluster compiles the whole write path in every process; on a loaded 2-core machine it
    /// can outlast the 15 s execution timeout (TIMEOUT, the write still lands). One throw-away community absorbs that.
    /// </summary>
    private static async Task WarmUpAsync(GraphQlClient gateway)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (status, body) = await gateway.SendAsync(
                "mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { adminKey } }",
                new { input = new { id = "warm" + Guid.NewGuid().ToString("N")[..10], name = "Warm-up Guild" } }, CertGridCluster.OperatorKey);
            if (status == 200 && !body.TryGetProperty("errors", out _))
            {
                return;
            }
        }
    }

    private static Task<IReadOnlyList<ContainerAppSpec>> SnapshotAsync(string environmentName, int silos) =>
        DeploymentSnapshot.ContainerAppsAsync(environmentName, CertGridCluster.OperatorKey, new Dictionary<string, int>
        {
            ["siloCount"] = silos,
            ["siloPortBase"] = SiloPortBase,
            ["gatewayPortBase"] = GatewayPortBase,
            ["minGatewayReplicas"] = 1,
        });

    /// <summary>The shape the deployment must have for Orleans on Container Apps to form a cluster and stop cleanly.</summary>
    private static void CheckTopology(IReadOnlyList<ContainerAppSpec> apps, int silos)
    {
        var siloApps = apps.Where(a => a.Tier == "silo").ToList();
        Assert.Equal(silos, siloApps.Count);
        var gateway = Assert.Single(apps, a => a.Tier == "gateway");
        Assert.Equal("Gateway", gateway.Environment["Cluster__Role"]);
        Assert.True(gateway.MaxReplicas > gateway.MinReplicas, "the gateway tier autoscales");
        foreach (var silo in siloApps)
        {
            // One replica per silo app: replicas of one app have no address of their own to advertise.
            Assert.Equal((1, 1), (silo.MinReplicas, silo.MaxReplicas));
            Assert.Equal("Silo", silo.Environment["Cluster__Role"]);
            Assert.StartsWith("[", silo.Environment["Cluster__AdvertisedIPAddress"], StringComparison.Ordinal);

            // The ports it advertises are the ports its TCP ingress exposes, mapped to the ports it listens on.
            Assert.Contains(new PortMapping("tcp", int.Parse(silo.Environment["Cluster__SiloPort"]), int.Parse(silo.Environment["Cluster__SiloListeningPort"])), silo.Ingress);
            Assert.Contains(new PortMapping("tcp", int.Parse(silo.Environment["Cluster__GatewayPort"]), int.Parse(silo.Environment["Cluster__GatewayListeningPort"])), silo.Ingress);
        }

        Assert.Equal(silos, siloApps.Select(s => s.Environment["Cluster__SiloPort"]).Concat(siloApps.Select(s => s.Environment["Cluster__GatewayPort"])).Distinct().Count() / 2);
        foreach (var app in apps)
        {
            // Probes on the port the process serves HTTP on; shutdown finishes inside the platform's grace period.
            Assert.All(app.Probes, p => Assert.Equal($"http://+:{p.Port}", app.Environment["ASPNETCORE_URLS"]));
            Assert.Equal(["Liveness", "Readiness", "Startup"], app.Probes.Select(p => p.Type).Order());
            Assert.True(TimeSpan.Parse(app.Environment["Cluster__ShutdownTimeout"], System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromSeconds(app.TerminationGracePeriodSeconds));
        }
    }

    private static HashSet<int> ActiveSiloPorts(IReadOnlyDictionary<int, string> membership) =>
        [.. membership.Where(m => m.Value == "Active").Select(m => m.Key)];

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, ClusterObserver observer)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2),
                $"Waited {watch.Elapsed} for {what}; membership: {string.Join(", ", (await observer.MembershipAsync()).Select(m => $"{m.Key}={m.Value}"))}");
            await Task.Delay(500);
        }
    }
}
