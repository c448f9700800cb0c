namespace CertGrid.Api.Tests.Cloud;

/// <summary>
/// One container app as the deployment would create it, read from the Bicep snapshot: its tier (silo or gateway),
/// its container's environment variables (values ARM can only know at deployment time stay as <c>[expression]</c>
/// strings), ingress port mappings, probes, shutdown grace and replica range.
/// </summary>
public sealed record ContainerAppSpec(
    string Name,
    string Tier,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<PortMapping> Ingress,
    IReadOnlyList<(string Type, string Path, int Port)> Probes,
    int TerminationGracePeriodSeconds,
    int MinReplicas,
    int MaxReplicas)
{
    public static ContainerAppSpec Parse(JsonElement resource)
    {
        var properties = resource.GetProperty("properties");
        var container = properties.GetProperty("template").GetProperty("containers")[0];
        var ingress = properties.GetProperty("configuration").GetProperty("ingress");
        var mappings = new List<PortMapping> { new(ingress.GetProperty("transport").GetString()!, Port(ingress, "exposedPort"), ingress.GetProperty("targetPort").GetInt32()) };
        if (ingress.TryGetProperty("additionalPortMappings", out var additional))
        {
            mappings.AddRange(additional.EnumerateArray().Select(m => new PortMapping("tcp", Port(m, "exposedPort"), m.GetProperty("targetPort").GetInt32())));
        }

        var scale = properties.GetProperty("template").GetProperty("scale");
        return new ContainerAppSpec(
            resource.GetProperty("name").GetString()!,
            resource.GetProperty("tags").GetProperty("certgrid-tier").GetString()!,
            container.GetProperty("env").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!),
            mappings,
            [.. container.GetProperty("probes").EnumerateArray().Select(p => (
                p.GetProperty("type").GetString()!, p.GetProperty("httpGet").GetProperty("path").GetString()!, p.GetProperty("httpGet").GetProperty("port").GetInt32()))],
            properties.GetProperty("template").GetProperty("terminationGracePeriodSeconds").GetInt32(),
            scale.GetProperty("minReplicas").GetInt32(),
            scale.GetProperty("maxReplicas").GetInt32());
    }

    public string ReadinessPath => Probes.Single(p => p.Type == "Readiness").Path;

    /// <summary>0 for HTTP ingress, which has no exposed port of its own (it is served on 443 at the app's host name).</summary>
    private static int Port(JsonElement mapping, string name) => mapping.TryGetProperty(name, out var port) ? port.GetInt32() : 0;
}

/// <summary>An ingress mapping: connections to <see cref="ExposedPort"/> reach the container's <see cref="TargetPort"/>.</summary>
public sealed record PortMapping(string Transport, int ExposedPort, int TargetPort);
